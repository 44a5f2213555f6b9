/** Where the REST API lives, and its document and page. */
export const API_PREFIX = '/api/v1';
export const OPENAPI_PATH = `${API_PREFIX}/openapi.json`;
export const API_DOCS_PATH = `${API_PREFIX}/docs`;
/** The /api/v1 contract's own version: the minor number rises when an operation is added. */
export const API_VERSION = '1.0.0';
