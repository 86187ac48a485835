"use client";

import { useRouter } from "next/navigation";
import { Controller, useForm } from "react-hook-form";
import { createDepartmentSchema, createGroupSchema, createUserSchema, updateDepartmentSchema, updateUserSchema } from "@/lib/subjects/schemas";
import type { SubjectHit, SubjectKind } from "@/lib/subjects/search";
import {
  addDepartmentMemberAction,
  addGroupMemberAction,
  createDepartmentAction,
  createGroupAction,
  createMembershipAction,
  createUserAction,
  updateDepartmentAction,
  updateUserAction,
} from "@/app/(console)/subjects/_actions/subjects";
import type { ActionResult } from "@/app/(console)/_lib/result";
import { SubjectPicker } from "@/components/grants/subject-picker";
import { DialogButton } from "@/components/ui/dialog-button";
import { Field } from "@/components/ui/field";
import { DialogForm } from "@/components/forms/dialog-form";
import { useActionForm } from "@/components/forms/use-action-form";
import { emptyAsNull, emptyAsUndefined } from "@/components/forms/zod-messages";

function CreateUserForm({ onDone }: { onDone: () => void }) {
  const router = useRouter();
  const { form, onSubmit } = useActionForm({
    schema: createUserSchema,
    defaultValues: {},
    action: createUserAction,
    fields: ["externalId", "email", "name"],
    onSuccess: ({ id }) => {
      onDone();
      router.push(`/subjects/users/${id}`);
    },
  });
  const { errors } = form.formState;
  return (
    <DialogForm control={form.control} onSubmit={onSubmit} onCancel={onDone} submit="Create user" pending="Saving…">
      <Field label="Name (optional)" error={errors.name?.message}>
        {(control) => <input {...control} {...form.register("name", { setValueAs: emptyAsUndefined })} />}
      </Field>
      <Field label="Email (optional)" error={errors.email?.message}>
        {(control) => <input {...control} type="email" {...form.register("email", { setValueAs: emptyAsUndefined })} />}
      </Field>
      <Field label="External id (optional)" error={errors.externalId?.message} hint="Your system's id for the user; unique.">
        {(control) => <input {...control} {...form.register("externalId", { setValueAs: emptyAsUndefined })} className="mono" spellCheck={false} />}
      </Field>
    </DialogForm>
  );
}

export function NewUserButton() {
  return (
    <DialogButton label="New user" title="New user" className="button button-primary">
      {(close) => <CreateUserForm onDone={close} />}
    </DialogButton>
  );
}

export function EditUserButton({ user }: { user: { id: string; name: string | null; email: string | null; externalId: string | null } }) {
  return (
    <DialogButton label="Edit" title="Edit user">
      {(close) => <EditUserForm user={user} onDone={close} />}
    </DialogButton>
  );
}

function EditUserForm({ user, onDone }: { user: { id: string; name: string | null; email: string | null; externalId: string | null }; onDone: () => void }) {
  const { form, onSubmit } = useActionForm({
    schema: updateUserSchema,
    defaultValues: { name: user.name, email: user.email, externalId: user.externalId },
    action: (values) => updateUserAction(user.id, values),
    fields: ["externalId", "email", "name"],
    onSuccess: onDone,
  });
  const { errors } = form.formState;
  return (
    <DialogForm control={form.control} onSubmit={onSubmit} onCancel={onDone} submit="Save" pending="Saving…">
      <Field label="Name" error={errors.name?.message}>
        {(control) => <input {...control} {...form.register("name", { setValueAs: emptyAsNull })} />}
      </Field>
      <Field label="Email" error={errors.email?.message}>
        {(control) => <input {...control} type="email" {...form.register("email", { setValueAs: emptyAsNull })} />}
      </Field>
      <Field label="External id" error={errors.externalId?.message}>
        {(control) => <input {...control} {...form.register("externalId", { setValueAs: emptyAsNull })} className="mono" spellCheck={false} />}
      </Field>
    </DialogForm>
  );
}

function CreateGroupForm({ organizationId, onDone }: { organizationId: string; onDone: () => void }) {
  const router = useRouter();
  const { form, onSubmit } = useActionForm({
    schema: createGroupSchema,
    defaultValues: { organizationId, name: "" },
    action: createGroupAction,
    fields: ["externalId", "name", "description"],
    onSuccess: ({ id }) => {
      onDone();
      router.push(`/subjects/groups/${id}`);
    },
  });
  const { errors } = form.formState;
  return (
    <DialogForm control={form.control} onSubmit={onSubmit} onCancel={onDone} submit="Create group" pending="Saving…">
      <Field label="Name" error={errors.name?.message}>
        {(control) => <input {...control} {...form.register("name")} />}
      </Field>
      <Field label="External id (optional)" error={errors.externalId?.message} hint="Unique in the organization, e.g. eng.">
        {(control) => <input {...control} {...form.register("externalId", { setValueAs: emptyAsUndefined })} className="mono" spellCheck={false} />}
      </Field>
      <Field label="Description (optional)" error={errors.description?.message}>
        {(control) => <textarea {...control} {...form.register("description", { setValueAs: emptyAsUndefined })} />}
      </Field>
    </DialogForm>
  );
}

export function NewGroupButton({ organizationId }: { organizationId: string }) {
  return (
    <DialogButton label="New group" title="New group" className="button button-primary">
      {(close) => <CreateGroupForm organizationId={organizationId} onDone={close} />}
    </DialogButton>
  );
}

type DepartmentOption = { id: string; name: string; depth: number };

function CreateDepartmentForm({ organizationId, departments, parentId, onDone }: { organizationId: string; departments: DepartmentOption[]; parentId?: string; onDone: () => void }) {
  const router = useRouter();
  const { form, onSubmit } = useActionForm({
    schema: createDepartmentSchema,
    defaultValues: { organizationId, name: "", parentId },
    action: createDepartmentAction,
    fields: ["externalId", "name", "description", "parentId"],
    onSuccess: ({ id }) => {
      onDone();
      router.push(`/subjects/departments/${id}`);
    },
  });
  const { errors } = form.formState;
  return (
    <DialogForm control={form.control} onSubmit={onSubmit} onCancel={onDone} submit="Create department" pending="Saving…">
      <Field label="Name" error={errors.name?.message}>
        {(control) => <input {...control} {...form.register("name")} />}
      </Field>
      <Field label="External id (optional)" error={errors.externalId?.message}>
        {(control) => <input {...control} {...form.register("externalId", { setValueAs: emptyAsUndefined })} className="mono" spellCheck={false} />}
      </Field>
      <Field label="Parent department" error={errors.parentId?.message}>
        {(control) => (
          <select {...control} {...form.register("parentId", { setValueAs: emptyAsUndefined })}>
            <option value="">None (top level)</option>
            <DepartmentOptions departments={departments} />
          </select>
        )}
      </Field>
    </DialogForm>
  );
}

function DepartmentOptions({ departments, exclude }: { departments: DepartmentOption[]; exclude?: string }) {
  return departments
    .filter((d) => d.id !== exclude)
    .map((d) => (
      <option key={d.id} value={d.id}>
        {"\u00a0\u00a0\u00a0".repeat(d.depth)}
        {d.name}
      </option>
    ));
}

export function NewDepartmentButton({ organizationId, departments, parentId, label = "New department" }: { organizationId: string; departments: DepartmentOption[]; parentId?: string; label?: string }) {
  return (
    <DialogButton label={label} title={label} className="button button-primary">
      {(close) => <CreateDepartmentForm organizationId={organizationId} departments={departments} parentId={parentId} onDone={close} />}
    </DialogButton>
  );
}

/** A department moves with everything below it; the domain refuses moving it under itself. */
export function MoveDepartmentButton({ department, departments }: { department: { id: string; name: string; parentId: string | null }; departments: DepartmentOption[] }) {
  return (
    <DialogButton label="Move" title={`Move ${department.name}`}>
      {(close) => <MoveDepartmentForm department={department} departments={departments} onDone={close} />}
    </DialogButton>
  );
}

function MoveDepartmentForm({ department, departments, onDone }: { department: { id: string; parentId: string | null }; departments: DepartmentOption[]; onDone: () => void }) {
  const { form, onSubmit } = useActionForm({
    schema: updateDepartmentSchema,
    defaultValues: { parentId: department.parentId },
    action: (values) => updateDepartmentAction(department.id, values),
    fields: ["parentId"],
    onSuccess: onDone,
  });
  const { errors } = form.formState;
  return (
    <DialogForm control={form.control} onSubmit={onSubmit} onCancel={onDone} submit="Move" pending="Saving…">
      <Field label="New parent department" error={errors.parentId?.message}>
        {(control) => (
          <select {...control} {...form.register("parentId", { setValueAs: emptyAsNull })}>
            <option value="">None (top level)</option>
            <DepartmentOptions departments={departments} exclude={department.id} />
          </select>
        )}
      </Field>
    </DialogForm>
  );
}

type MemberValues = { member: SubjectHit | null };

/** Adds a user (or, to a group, a group) picked by search; the domain refuses duplicates and cycles, shown under the picker. */
function AddMemberForm({ organizationId, kinds, add, onDone }: { organizationId: string; kinds: SubjectKind[]; add: (member: SubjectHit) => Promise<ActionResult<unknown>>; onDone: () => void }) {
  const form = useForm<MemberValues>({ defaultValues: { member: null } });
  const { errors } = form.formState;
  const onSubmit = form.handleSubmit(async ({ member }) => {
    if (!member) return form.setError("member", { type: "required", message: "Choose who to add" });
    const result = await add(member);
    if (result.error) return form.setError("member", { type: "server", message: result.error.message });
    onDone();
  });
  return (
    <DialogForm control={form.control} onSubmit={onSubmit} onCancel={onDone} submit="Add" pending="Saving…">
      <Controller
        control={form.control}
        name="member"
        render={({ field }) => (
          <SubjectPicker organizationId={organizationId} label={kinds.includes("group") ? "User or group" : "User"} kinds={kinds} value={field.value} onChange={field.onChange} error={errors.member?.message} />
        )}
      />
    </DialogForm>
  );
}

export function AddGroupMemberButton({ organizationId, groupId }: { organizationId: string; groupId: string }) {
  return (
    <DialogButton label="Add member" title="Add a member" className="button button-primary">
      {(close) => <AddMemberForm organizationId={organizationId} kinds={["user", "group"]} add={(m) => addGroupMemberAction(groupId, { type: m.type, id: m.id })} onDone={close} />}
    </DialogButton>
  );
}

export function AddDepartmentMemberButton({ organizationId, departmentId }: { organizationId: string; departmentId: string }) {
  return (
    <DialogButton label="Add member" title="Add a member" className="button button-primary">
      {(close) => <AddMemberForm organizationId={organizationId} kinds={["user"]} add={(m) => addDepartmentMemberAction(departmentId, { userId: m.id })} onDone={close} />}
    </DialogButton>
  );
}

export function AddMembershipButton({ organizationId }: { organizationId: string }) {
  return (
    <DialogButton label="Add member" title="Add a user to the organization" className="button button-primary">
      {(close) => <AddMemberForm organizationId={organizationId} kinds={["user"]} add={(m) => createMembershipAction({ userId: m.id, organizationId })} onDone={close} />}
    </DialogButton>
  );
}
