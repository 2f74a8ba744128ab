export { fail, MESSAGES } from "./result.ts";
export { fieldErrors } from "./validation.ts";
