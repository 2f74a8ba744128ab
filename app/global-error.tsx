"use client";

export default function GlobalError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="nb">
      <body>
        <main style={{ maxWidth: "40rem", margin: "4rem auto", fontFamily: "system-ui, sans-serif" }}>
          <h1>Noe gikk galt</h1>
          <p>Samarbeidsregisteret kunne ikke vise siden. Feilen er logget. Prøv igjen om litt.</p>
          <button type="button" onClick={() => reset()}>
            Prøv igjen
          </button>
        </main>
      </body>
    </html>
  );
}
