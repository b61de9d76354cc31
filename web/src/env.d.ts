declare namespace App {
  interface Locals {
    /** The newsletter form's origin, which the page's content security policy lets forms post to. */
    formAction?: string;
    /** Who may frame the page (the content security policy's frame-ancestors): the admin, for the staff preview. */
    frameAncestors?: string;
  }
}
