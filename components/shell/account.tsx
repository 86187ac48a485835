import { signOutAction } from "@/app/(auth)/_actions/auth";

/** Who is signed in, and the way out. A plain form: signing out works before the page's scripts have loaded. */
export function Account({ email }: { email: string }) {
  return (
    <div className="account">
      <span>
        Signed in as <strong data-testid="signed-in-as">{email}</strong>
      </span>
      <form action={signOutAction}>
        <button type="submit" className="button button-small">Sign out</button>
      </form>
    </div>
  );
}
