/** next-auth's session cookie names (plain and on HTTPS; a large token is split into .0, .1, …). */
const SESSION_COOKIES = ["next-auth.session-token", "__Secure-next-auth.session-token"];

/** Whether the request carries a session cookie (a logged-in visitor, or one whose session just ended). */
export function hasSessionCookie(cookies: { has(name: string): boolean }): boolean {
  return SESSION_COOKIES.some((name) => cookies.has(name) || cookies.has(`${name}.0`));
}
