import { redirect } from "next/navigation";

export default function SubjectsIndex() {
  redirect("/subjects/users");
}
