/** Subject access: the request register and the export of everything about one person. */
export { createRequest, getRequest, listRequests, updateRequest, DUE_SOON_DAYS } from './requests';
export { collectSubject, subjectCounts, type SubjectData } from './collect';
export { subjectHtml, escapeHtml } from './html';
export { writeSubjectZip, type OpenDocument } from './zip';
