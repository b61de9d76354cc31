declare namespace App {
  interface Locals {
    /** The newsletter form's origin, which the page's content security policy lets forms post to. */
    formAction?: string;
  }
}
