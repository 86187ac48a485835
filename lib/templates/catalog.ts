/**
 * Starter templates from seed 001: the common resource type patterns, each
 * with the containment rules between them and CRUD permissions per type.
 */
export type Template = {
  name: string;
  title: string;
  description: string;
  types: { key: string; name: string }[];
  hierarchy: [parent: string, child: string][];
  actions: string[];
};

const CRUD = ["create", "read", "update", "delete"];

export const TEMPLATES: Template[] = [
  {
    name: "content-management",
    title: "Content management",
    description: "Workspaces with nested folders of documents and pages, with comments and attachments.",
    types: [
      { key: "workspace", name: "Workspace" },
      { key: "folder", name: "Folder" },
      { key: "document", name: "Document" },
      { key: "page", name: "Page" },
      { key: "comment", name: "Comment" },
      { key: "attachment", name: "Attachment" },
    ],
    hierarchy: [
      ["workspace", "folder"],
      ["folder", "folder"],
      ["workspace", "document"],
      ["folder", "document"],
      ["workspace", "page"],
      ["folder", "page"],
      ["document", "comment"],
      ["page", "comment"],
      ["document", "attachment"],
      ["page", "attachment"],
    ],
    actions: CRUD,
  },
  {
    name: "issue-tracking",
    title: "Issue tracking",
    description: "Projects with epics, issues, sprints and labels.",
    types: [
      { key: "project", name: "Project" },
      { key: "epic", name: "Epic" },
      { key: "issue", name: "Issue" },
      { key: "sprint", name: "Sprint" },
      { key: "label", name: "Label" },
    ],
    hierarchy: [
      ["project", "epic"],
      ["project", "issue"],
      ["epic", "issue"],
      ["project", "sprint"],
      ["project", "label"],
    ],
    actions: CRUD,
  },
  {
    name: "hr-system",
    title: "HR system",
    description: "Departments of employees with timesheets, leave requests and performance reviews.",
    types: [
      { key: "employee", name: "Employee" },
      { key: "department", name: "Department" },
      { key: "timesheet", name: "Timesheet" },
      { key: "leave-request", name: "Leave Request" },
      { key: "performance-review", name: "Performance Review" },
    ],
    hierarchy: [
      ["department", "department"],
      ["department", "employee"],
      ["employee", "timesheet"],
      ["employee", "leave-request"],
      ["employee", "performance-review"],
    ],
    actions: CRUD,
  },
  {
    name: "construction",
    title: "Construction / field service",
    description: "Job sites with work orders, equipment, safety reports and daily logs.",
    types: [
      { key: "jobsite", name: "Job Site" },
      { key: "work-order", name: "Work Order" },
      { key: "equipment", name: "Equipment" },
      { key: "safety-report", name: "Safety Report" },
      { key: "daily-log", name: "Daily Log" },
    ],
    hierarchy: [
      ["jobsite", "work-order"],
      ["jobsite", "equipment"],
      ["jobsite", "safety-report"],
      ["jobsite", "daily-log"],
      ["work-order", "daily-log"],
    ],
    actions: CRUD,
  },
];

export const findTemplate = (name: string) => TEMPLATES.find((t) => t.name === name);
