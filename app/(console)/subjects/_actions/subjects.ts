"use server";

import { createUser, deleteUser, updateUser } from "@/lib/subjects/users";
import { createMembership, deleteMembership } from "@/lib/subjects/memberships";
import { addGroupMember, createGroup, deleteGroup, removeGroupMember } from "@/lib/subjects/groups";
import { addDepartmentMember, createDepartment, deleteDepartment, removeDepartmentMember, updateDepartment } from "@/lib/subjects/departments";
import { consoleAction } from "../../_lib/action";

/** Subjects show up in grants, decisions and the change log everywhere: refresh every page. */
const revalidate = "/";

export async function createUserAction(input: unknown) {
  return consoleAction(async ({ db, actor }) => ({ id: (await createUser(db, actor, input)).value.id }), { revalidate });
}

export async function updateUserAction(id: string, input: unknown) {
  return consoleAction(async ({ db, actor }) => ({ revision: (await updateUser(db, actor, id, input)).revision }), { revalidate });
}

export async function deleteUserAction(id: string) {
  return consoleAction(async ({ db, actor }) => ({ revision: (await deleteUser(db, actor, id)).revision }), { revalidate });
}

export async function createMembershipAction(input: unknown) {
  return consoleAction(async ({ db, actor }) => ({ id: (await createMembership(db, actor, input)).value.id }), { revalidate });
}

export async function deleteMembershipAction(id: string) {
  return consoleAction(async ({ db, actor }) => ({ revision: (await deleteMembership(db, actor, id)).revision }), { revalidate });
}

export async function createGroupAction(input: unknown) {
  return consoleAction(async ({ db, actor }) => ({ id: (await createGroup(db, actor, input)).value.id }), { revalidate });
}

export async function deleteGroupAction(id: string) {
  return consoleAction(async ({ db, actor }) => ({ revision: (await deleteGroup(db, actor, id)).revision }), { revalidate });
}

export async function addGroupMemberAction(groupId: string, input: unknown) {
  return consoleAction(async ({ db, actor }) => ({ revision: (await addGroupMember(db, actor, groupId, input)).revision }), { revalidate });
}

export async function removeGroupMemberAction(groupId: string, input: unknown) {
  return consoleAction(async ({ db, actor }) => ({ revision: (await removeGroupMember(db, actor, groupId, input)).revision }), { revalidate });
}

export async function createDepartmentAction(input: unknown) {
  return consoleAction(async ({ db, actor }) => ({ id: (await createDepartment(db, actor, input)).value.id }), { revalidate });
}

export async function updateDepartmentAction(id: string, input: unknown) {
  return consoleAction(async ({ db, actor }) => ({ revision: (await updateDepartment(db, actor, id, input)).revision }), { revalidate });
}

export async function deleteDepartmentAction(id: string) {
  return consoleAction(async ({ db, actor }) => ({ revision: (await deleteDepartment(db, actor, id, { cascade: true })).revision }), { revalidate });
}

export async function addDepartmentMemberAction(departmentId: string, input: unknown) {
  return consoleAction(async ({ db, actor }) => ({ revision: (await addDepartmentMember(db, actor, departmentId, input)).revision }), { revalidate });
}

export async function removeDepartmentMemberAction(departmentId: string, input: unknown) {
  return consoleAction(async ({ db, actor }) => ({ revision: (await removeDepartmentMember(db, actor, departmentId, input)).revision }), { revalidate });
}
