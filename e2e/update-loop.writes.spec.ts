import { expect as baseExpect, test } from "@playwright/test";
import { ACCOUNTS, anonymousPage, pageAs } from "./auth";
import { expectNoAxeViolations } from "./axe";
import { linkIn, startSmtpCapture } from "./smtp";

/**
 * Issue #10 «Done when», the update loop end to end with a real SMTP server capturing every mail:
 * the Ål editor logs in from «Foreslå en endring», proposes årsverk with a decimal comma and sees the
 * receipt (focused, in view); the adviser gets the mail and sends the proposal back with a comment;
 * the editor gets that mail, revises and resubmits the same proposal; the adviser approves; the
 * editor gets the approval mail. The history page is kept in memory for anonymous visitors before
 * the change, and shows the change at once after the approval (a new registry version).
 */
// Server actions on a shared 2-core machine can take a while: wait for outcomes longer than the default.
const expect = baseExpect.configure({ timeout: 45_000 });
test.describe.configure({ mode: "serial", timeout: 480_000 });

const ARRANGEMENT = "/ordninger/ikt-hallingdal";
let smtp: Awaited<ReturnType<typeof startSmtpCapture>>;

test.beforeAll(async () => {
  smtp = await startSmtpCapture();
});
test.afterAll(async () => {
  await smtp?.close();
});

test("forslag → e-post → sendt tilbake → endret og sendt på nytt → godkjent, med e-post hele veien", async ({ browser }) => {
  const editor = await anonymousPage(browser);
  let proposal = "";

  let keptTag = "";
  await test.step("før endringen er ordningens historikk lagret i minnet for anonyme (lib/http/kept-answers.ts)", async () => {
    const asBrowser = { headers: { Accept: "text/html" } };
    await editor.request.get(`${ARRANGEMENT}/historikk`, asBrowser);
    const kept = await editor.request.get(`${ARRANGEMENT}/historikk`, asBrowser);
    expect(kept.headers()["x-samarbeid-cache"]).toBe("hit");
    keptTag = kept.headers()["etag"]!;
  });

  await test.step("Ål-redaktøren logger inn fra «Foreslå en endring» og kommer til redigeringssiden", async () => {
    await editor.goto(ARRANGEMENT);
    await editor.getByRole("link", { name: "Foreslå en endring", exact: true }).click();
    await expect(editor).toHaveURL(/\/logg-inn\?callbackUrl=/);
    await editor.getByLabel("E-postadresse").fill(ACCOUNTS.al.email);
    await editor.getByLabel("Passord").fill(ACCOUNTS.al.password);
    await editor.getByRole("button", { name: "Logg inn" }).click();
    await expect(editor).toHaveURL(new RegExp(`${ARRANGEMENT}/rediger$`));
    await expect(editor.getByRole("heading", { level: 1 })).toContainText("Foreslå endring:");
  });

  await test.step("foreslår årsverk med desimalkomma og ser kvitteringen i skjermbildet, med fokus på den", async () => {
    const staffing = editor.locator("form", { has: editor.getByRole("heading", { name: "Årsverk" }) });
    await staffing.getByLabel("År", { exact: true }).fill("2025");
    await staffing.getByLabel("Årsverk", { exact: true }).fill("2,5");
    await staffing.getByLabel("Kilde (valgfritt)").fill("Regnskap 2025");
    await staffing.getByLabel("Begrunnelse til Statsforvalteren (valgfritt)").fill("Tall fra regnskapet.");
    await staffing.getByRole("button", { name: "Foreslå: registrer årsverk" }).click();

    await expect(editor).toHaveURL(/\/endringsforslag\/\d+\/sendt$/);
    proposal = /\/endringsforslag\/(\d+)\/sendt$/.exec(editor.url())![1]!;
    const receipt = editor.getByRole("status").filter({ hasText: "Forslaget er sendt" });
    await expect(receipt).toBeFocused();
    await expect(receipt).toBeInViewport();
    await expect(receipt.getByRole("link", { name: "Se forslaget og samtalen" })).toHaveAttribute("href", `/endringsforslag/${proposal}`);
    await expect(receipt.getByRole("link", { name: "Se ordningen" })).toHaveAttribute("href", ARRANGEMENT);
    // What was sent, exactly as typed.
    await expect(editor.getByTestId("sendt-innhold")).toContainText("Årsverk 2025");
    await expect(editor.getByTestId("sendt-innhold")).toContainText("2,5 årsverk (kilde: Regnskap 2025)");
    await expect(editor.getByRole("main")).toContainText("Tall fra regnskapet.");
    await expectNoAxeViolations(editor);
  });

  // Mail about this proposal only: the outbox may still be delivering retries of earlier journeys' mails.
  const aboutThis = (m: { text: string }) => new RegExp(`/endringsforslag/${proposal}(?!\\d)`).test(m.text);
  const adviserMail = await smtp.waitFor((m) => m.to.includes(ACCOUNTS.adviser.email) && m.subject.startsWith("Nytt endringsforslag") && aboutThis(m));
  expect(adviserMail.text).toContain(ACCOUNTS.al.name);
  const adviser = await pageAs(browser, "adviser", "/endringsforslag");

  await test.step("rådgiveren får e-posten, åpner lenken og sender forslaget tilbake med en kommentar", async () => {
    await adviser.goto(linkIn(adviserMail, "/endringsforslag/"));
    await expect(adviser.getByTestId("forslag-status")).toHaveText("Venter");
    await expect(adviser.getByTestId("forslag-diff")).toContainText("2,5 årsverk");
    await expect(adviser.getByTestId("samtale")).toContainText("Tall fra regnskapet.");
    await expectNoAxeViolations(adviser);
    await adviser.getByLabel("Hva bør kommunen endre?").fill("Oppgi sidetall i regnskapet, takk.");
    await adviser.getByRole("button", { name: "Send tilbake til kommunen" }).click();
    await expect(adviser.getByTestId("forslag-status")).toHaveText("Sendt tilbake");
    await expect(adviser.getByTestId("samtale")).toContainText("Oppgi sidetall i regnskapet, takk.");
  });

  const returnedMail = await smtp.waitFor((m) => m.to.includes(ACCOUNTS.al.email) && m.subject.startsWith("Forslaget ditt er sendt tilbake") && aboutThis(m));
  expect(returnedMail.text).toContain("Oppgi sidetall i regnskapet, takk.");

  await test.step("redaktøren får e-posten, ser samme status, endrer forslaget og sender det på nytt", async () => {
    await editor.goto("/mine-forslag");
    await expect(editor.getByRole("banner").getByTestId("antall").first()).toBeVisible();
    await expect(editor.getByTestId("mine-forslag").getByRole("row", { name: /Årsverk 2025 registrert for IKT Hallingdal/ })).toContainText("Sendt tilbake");
    await editor.goto(linkIn(returnedMail, "/endringsforslag/"));
    await expect(editor.getByTestId("forslag-status")).toHaveText("Sendt tilbake");
    await editor.getByTestId("endre-forslaget").click();
    await expect(editor.getByTestId("tilbakemelding")).toContainText("Oppgi sidetall i regnskapet, takk.");
    await expectNoAxeViolations(editor);
    const staffing = editor.locator("form", { has: editor.getByRole("heading", { name: "Årsverk" }) });
    // The proposed values are back in the form, decimal comma included.
    await expect(staffing.getByLabel("Årsverk", { exact: true })).toHaveValue("2,5");
    await staffing.getByLabel("Kilde (valgfritt)").fill("Regnskap 2025, side 4");
    await staffing.getByLabel("Hva har du endret? (valgfritt)").fill("Sidetall lagt til.");
    await staffing.getByRole("button", { name: "Send det endrede forslaget" }).click();
    await expect(editor).toHaveURL(new RegExp(`/endringsforslag/${proposal}/sendt$`));
    const receipt = editor.getByRole("status").filter({ hasText: "sendt på nytt" });
    await expect(receipt).toBeFocused();
    await expect(receipt).toBeInViewport();
    await expect(editor.getByTestId("sendt-innhold")).toContainText("2,5 årsverk (kilde: Regnskap 2025, side 4)");
  });

  await smtp.waitFor((m) => m.to.includes(ACCOUNTS.adviser.email) && m.subject.startsWith("Revidert endringsforslag") && aboutThis(m));

  await test.step("rådgiveren godkjenner det samme forslaget", async () => {
    await adviser.goto(`/endringsforslag/${proposal}`);
    await expect(adviser.getByTestId("forslag-status")).toHaveText("Venter");
    await expect(adviser.getByTestId("samtale")).toContainText("Sidetall lagt til.");
    await adviser.getByRole("button", { name: "Godkjenn og publiser" }).click();
    await expect(adviser.getByTestId("utfall")).toContainText("Godkjent og publisert");
  });

  const approvedMail = await smtp.waitFor((m) => m.to.includes(ACCOUNTS.al.email) && m.subject.startsWith("Forslaget ditt er godkjent") && aboutThis(m));
  expect(linkIn(approvedMail, "/endringsforslag/")).toBe(`/endringsforslag/${proposal}`);

  await test.step("redaktøren ser godkjenningen og varslene sine; offentligheten ser årsverket, ikke samtalen", async () => {
    await editor.goto("/varsler");
    await expect(editor.getByTestId("varsler")).toContainText("Forslaget ditt er godkjent");
    await expect(editor.getByTestId("varsler")).toContainText("Forslaget ditt er sendt tilbake");
    await expectNoAxeViolations(editor);
    await editor.getByRole("button", { name: "Merk alle som lest" }).click();
    await expect(editor.getByText("Du har ingen uleste varsler.")).toBeVisible();

    const anonymous = await anonymousPage(browser);
    const history = await anonymous.goto(`${ARRANGEMENT}/historikk`);
    // The approval made a new registry version: the kept copy from before is never served again.
    expect(history?.headers()["etag"]).not.toBe(keptTag);
    await expect(anonymous.getByTestId("historikk")).toContainText("Årsverk 2025");
    await expect(anonymous.getByRole("main")).not.toContainText("Oppgi sidetall");
    await anonymous.goto(`/endringsforslag/${proposal}`);
    await expect(anonymous).toHaveURL(/\/logg-inn/);
    await anonymous.context().close();
  });

  await adviser.context().close();
  await editor.context().close();
});
