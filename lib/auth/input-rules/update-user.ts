import * as z from "zod";

/**
 * What `/update-user` may be sent. Better Auth's own schema accepts any value for any key and
 * writes `name` and `image` as given, so a `null` name reached the NOT NULL column and answered 500.
 * Other keys pass through to Better Auth, which refuses the ones a client may not set (`email`,
 * `role`) with codes of its own and ignores the rest.
 */
export const updateUserBody = z.looseObject({
  name: z.string().optional(),
  // null clears the picture.
  image: z.string().nullable().optional(),
});
