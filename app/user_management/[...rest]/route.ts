/** Any /user_management path no route serves: a JSON 404, so the WorkOS SDK raises NotFoundException rather than a parse error. */
import { unknownPath } from "@/app/authorization/_workos/adapter";

export const GET = unknownPath;
export const POST = unknownPath;
export const PUT = unknownPath;
export const PATCH = unknownPath;
export const DELETE = unknownPath;
