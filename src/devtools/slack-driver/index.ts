export { SlackDriver, type AppResponse, type DriverOptions, type RawOptions, type SubmitResult } from './driver';
export { signRequest, type SlackSignatureHeaders } from './sign';
export type { Choice } from './elements';
export { buildSubmission, type Submission } from './submission';
