/** The IPC router and what hosts and handlers need from it. */
export {
  createRouter,
  type Handler,
  type Handlers,
  type Router,
  type RouterOptions,
} from './router';
export { CallFailure, INTERNAL_MESSAGE, isErrorCode, toCallError } from './errors';
export {
  APP_ORIGIN,
  MAX_INPUT_BYTES,
  checkInputShape,
  checkSender,
  type CallerContext,
} from './guard';
export { noSessions, type Session, type SessionSource } from './session';
export {
  FORBIDDEN_MESSAGE,
  assertEveryChannelHasPermission,
  composeWrappers,
  createPermissionWrapper,
  requirePermission,
  requireSession,
  type AuditNote,
  type ChannelMeta,
  type DeclaredGrants,
  type Grant,
  type HandlerContext,
  type HandlerFn,
  type PermissionWrapperOptions,
  type Wrapper,
} from './wrappers';
