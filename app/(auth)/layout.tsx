/** Sign-in and first run: a page of their own, without the console's navigation. */
export default function AuthLayout({ children }: { children: React.ReactNode }) {
  return (
    <main className="auth" id="main">
      <div className="auth-card">
        <p className="brand auth-brand">
          <span className="brand-mark" aria-hidden="true">A</span>
          Arbor
        </p>
        {children}
      </div>
    </main>
  );
}
