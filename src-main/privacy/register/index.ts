/** The processing register and the Ombudsman task of high-risk purposes. */
export { createPurpose, getPurpose, listPurposes, updatePurpose } from './store';
export { createOmbudsmanTask, OMBUDSMAN_COMPANY } from './ombudsman';
