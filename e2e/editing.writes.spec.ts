import { expect as baseExpect, test } from "@playwright/test";
import { ACCOUNTS, anonymousPage, logIn, pageAs } from "./auth";
import { expectNoAxeViolations } from "./axe";
import { chooseMunicipality } from "./pickers";

/**
 * The editing journeys of issue #6, in order: the Ål editor proposes, the adviser decides, the
 * public sees only approved changes, the Drammen editor is refused, and concurrent edits conflict.
 */
// Server actions on a shared 2-core machine can take a while: wait for outcomes longer than the default.
const expect = baseExpect.configure({ timeout: 45_000 });
test.describe.configure({ mode: "serial", timeout: 300_000 });

const OVRE = "/ordninger/ovre-hallingdal-legevakt";
let alOnlyId = "";

test("innlogging: feil passord gir en norsk melding som ikke avslører om kontoen finnes", async ({ page }) => {
  await page.goto("/logg-inn");
  await expectNoAxeViolations(page);
  await page.getByLabel("E-postadresse").fill(ACCOUNTS.al.email);
  await page.getByLabel("Passord").fill("feil-passord");
  await page.getByRole("button", { name: "Logg inn" }).click();
  await expect(page.getByTestId("innlogging-feil")).toHaveText("Feil e-postadresse eller passord.");
});

test("sider som krever innlogging sender anonyme til innloggingen, med sikkerhetshoder", async ({ page, request }) => {
  await page.goto("/endringsforslag");
  await expect(page).toHaveURL(/\/logg-inn\?callbackUrl=/);
  const headers = (await request.get("/logg-inn")).headers();
  expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(headers["strict-transport-security"]).toContain("max-age=");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
});

test("Ål-redaktøren foreslår en ny deltaker og en ny vertskommune", async ({ page }) => {
  await logIn(page, "al");
  await page.goto("/innkjopssamarbeid-al-hol".replace(/^/, "/ordninger") + "/rediger");
  alOnlyId = (await page.locator('input[name="arrangementId"]').first().inputValue()) ?? "";
  expect(alOnlyId).toMatch(/^\d+$/);

  await page.goto(`${OVRE}/rediger`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Foreslå endring: Øvre Hallingdal legevakt");
  await expectNoAxeViolations(page);

  const add = page.locator("form", { has: page.getByRole("heading", { name: "Legg til deltakerkommune" }) });
  await add.getByLabel("Med fra (valgfritt)").fill("2025-01-01");
  await chooseMunicipality(add, "Kommune", "Hemsedal");
  await add.getByRole("button", { name: "Foreslå: legg til deltaker" }).click();
  // The receipt: the outcome first, focused, with what was sent.
  await expect(page).toHaveURL(/\/endringsforslag\/\d+\/sendt$/);
  await expect(page.getByTestId("utfall-kvittering")).toContainText("Forslaget er sendt");
  await expect(page.getByTestId("utfall-kvittering")).toBeFocused();
  await expect(page.getByTestId("sendt-innhold")).toContainText("Deltakerkommune Hemsedal");
  await expectNoAxeViolations(page);

  await page.goto(`${OVRE}/rediger`);
  const host = page.locator("form", { has: page.getByRole("heading", { name: "Vertskommune" }) });
  await host.getByLabel("Vertskommune").selectOption({ label: "Ål" });
  await host.getByRole("button", { name: "Foreslå: lagre vertskommune" }).click();
  await expect(page.getByTestId("utfall-kvittering")).toContainText("Forslaget er sendt");

  await page.goto(`${OVRE}/rediger`);

  // Bad input: field-level Norwegian message, nothing proposed.
  const fields = page.locator("form", { has: page.getByLabel("Navn", { exact: true }) });
  await fields.getByLabel("Navn", { exact: true }).fill("<script>alert(1)</script>");
  await fields.getByLabel("Organisasjonsnummer (valgfritt)").fill("123456789");
  await fields.getByRole("button", { name: "Send forslag til Statsforvalteren" }).click();
  await expect(page.getByText("Navnet kan ikke inneholde tegnene < og >.")).toBeVisible();
  await expect(page.getByText("Organisasjonsnummeret er ikke gyldig (kontrollsifferet stemmer ikke).")).toBeVisible();

  await page.goto("/mine-forslag");
  await expectNoAxeViolations(page);
  const mine = page.getByTestId("mine-forslag");
  await expect(mine.getByRole("row")).toHaveCount(3);
  await expect(mine).toContainText("Hemsedal lagt til som deltaker i Øvre Hallingdal legevakt");
  await expect(mine).toContainText("Vertskommune for Øvre Hallingdal legevakt satt til Ål");

  // Pending proposals are not public.
  const anonymous = await anonymousPage(page.context().browser()!);
  await anonymous.goto(`${OVRE}/historikk`);
  await expect(anonymous.getByText("Ingen endringer er registrert siden kartleggingen i 2021.")).toBeVisible();
  await expectNoAxeViolations(anonymous);
  await anonymous.context().close();
});

test("rådgiveren godkjenner ett forslag og avviser et annet med kommentar; kommunen ser utfallet", async ({ browser }) => {
  const adviser = await pageAs(browser, "adviser", "/endringsforslag");
  await adviser.goto("/endringsforslag");
  await expectNoAxeViolations(adviser);
  await adviser.getByRole("link", { name: "Hemsedal lagt til som deltaker i Øvre Hallingdal legevakt" }).click();
  await expect(adviser.getByTestId("forslag-diff")).toContainText("Deltakerkommune Hemsedal");
  await expect(adviser.getByTestId("forslag-diff")).toContainText("deltaker, fra 01.01.2025");
  await expectNoAxeViolations(adviser);
  await adviser.getByRole("button", { name: "Godkjenn og publiser" }).click();
  await expect(adviser.getByTestId("utfall")).toContainText("Godkjent og publisert");

  await adviser.goto("/endringsforslag");
  await adviser.getByRole("link", { name: "Vertskommune for Øvre Hallingdal legevakt satt til Ål" }).click();
  await adviser.getByRole("button", { name: "Avvis forslaget" }).click();
  await expect(adviser.getByText("Skriv en kommentar til kommunen om hvorfor forslaget avvises.")).toBeVisible();
  await adviser.getByLabel("Begrunnelse til kommunen").fill("Hol er vertskommune etter samarbeidsavtalen.");
  await adviser.getByRole("button", { name: "Avvis forslaget" }).click();
  await expect(adviser.getByTestId("utfall")).toContainText("Avvist");
  await expect(adviser.getByTestId("utfall")).toContainText("Kommentar fra Statsforvalteren: Hol er vertskommune etter samarbeidsavtalen.");

  // Advisers see who did what; the public history shows what and when, not who.
  await adviser.goto(`${OVRE}/historikk`);
  await expect(adviser.getByTestId("historikk")).toContainText(`Utført av ${ACCOUNTS.adviser.name}`);
  await expectNoAxeViolations(adviser);
  await adviser.context().close();

  const anonymous = await anonymousPage(browser);
  await anonymous.goto(`${OVRE}/historikk`);
  await expect(anonymous.getByTestId("historikk")).toContainText("Hemsedal lagt til som deltaker");
  await expect(anonymous.getByTestId("historikk")).not.toContainText(ACCOUNTS.adviser.name);
  await expect(anonymous.getByTestId("historikk")).not.toContainText(ACCOUNTS.al.name);
  await anonymous.context().close();

  const al = await pageAs(browser, "al");
  await al.goto("/mine-forslag");
  const mine = al.getByTestId("mine-forslag");
  await expect(mine.getByRole("row", { name: /Hemsedal lagt til/ })).toContainText("Godkjent");
  await expect(mine.getByRole("row", { name: /Vertskommune for Øvre Hallingdal/ })).toContainText("Avvist");
  await expect(mine.getByRole("row", { name: /Vertskommune for Øvre Hallingdal/ })).toContainText("Hol er vertskommune etter samarbeidsavtalen.");
  await al.context().close();
});

test("en godkjent ny ordning gir ett høyere antall på forsiden med en gang", async ({ browser, page }) => {
  await page.goto("/");
  const before = Number((await page.getByTestId("antall-ordninger").innerText()).replace(/\D/g, ""));
  await page.goto("/statistikk");
  const statsBefore = Number((await page.getByTestId("antall-ordninger").innerText()).replace(/\D/g, ""));
  await page.goto("/");

  const al = await pageAs(browser, "al");
  await al.goto("/ordninger/ny");
  await expectNoAxeViolations(al);
  await al.getByLabel("Navn", { exact: true }).fill("Jordmortjeneste i Øvre Hallingdal");
  await al.getByLabel("Sektor").selectOption({ label: "Helsetjenester" });
  await al.getByRole("checkbox", { name: "Hol", exact: true }).check();
  await al.getByLabel("Vertskommune (valgfritt)").selectOption({ label: "Ål" });
  await al.getByRole("button", { name: "Send forslag til Statsforvalteren" }).click();
  await expect(al.getByTestId("utfall-kvittering")).toContainText("Forslaget er sendt");
  await al.context().close();

  await page.reload();
  await expect(page.getByTestId("antall-ordninger")).toHaveText(String(before));

  const adviser = await pageAs(browser, "adviser", "/endringsforslag");
  await adviser.goto("/endringsforslag");
  await adviser.getByRole("link", { name: "Ny ordning: Jordmortjeneste i Øvre Hallingdal" }).click();
  await adviser.getByRole("button", { name: "Godkjenn og publiser" }).click();
  await expect(adviser.getByTestId("utfall")).toContainText("Godkjent og publisert");
  await adviser.context().close();

  await page.reload();
  await expect(page.getByTestId("antall-ordninger")).toHaveText(String(before + 1));

  // The statistics are computed on each request: the overview counts the new arrangement at once.
  await page.goto("/statistikk");
  await expect(page.getByTestId("antall-ordninger")).toHaveText(String(statsBefore + 1));
});

test("Drammen-redaktøren kan ikke endre en ordning bare Ål deltar i, verken i UI eller med direkte kall", async ({ browser }) => {
  const drammen = await pageAs(browser, "drammen");
  // «Ingen tilgang» is a 403 (issue #14).
  expect((await drammen.goto("/ordninger/innkjopssamarbeid-al-hol/rediger"))?.status()).toBe(403);
  await expect(drammen.getByTestId("ingen-tilgang")).toContainText("har ikke tilgang til denne siden");
  await expect(drammen.getByTestId("ingen-tilgang-grunn")).toContainText("bare endres av redaktører for en kommune som deltar i ordningen");
  await expectNoAxeViolations(drammen);

  // Direct server-action call: take the form of an arrangement Drammen may edit and point it at Ål's.
  await drammen.goto("/ordninger/legevakta-i-drammen-lier/rediger");
  const form = drammen.locator("form", { has: drammen.getByLabel("Navn", { exact: true }) });
  await form.locator('input[name="arrangementId"]').evaluate((input, id) => ((input as HTMLInputElement).value = id), alOnlyId);
  await form.getByLabel("Beskrivelse (valgfritt)").fill("Kapret av Drammen");
  await form.getByRole("button", { name: "Send forslag til Statsforvalteren" }).click();
  await expect(form.getByTestId("skjema-melding")).toHaveText("Du kan bare foreslå endringer i ordninger der din kommune deltar.");

  await drammen.goto("/mine-forslag");
  await expect(drammen.getByText("Dere har ikke sendt noen forslag ennå.")).toBeVisible();
  await drammen.context().close();

  const adviser = await pageAs(browser, "adviser", "/endringsforslag");
  await adviser.goto("/endringsforslag");
  await expect(adviser.getByText("Kapret av Drammen")).toHaveCount(0);
  await adviser.goto("/ordninger/innkjopssamarbeid-al-hol/historikk");
  await expect(adviser.getByText("Ingen endringer er registrert siden kartleggingen i 2021.")).toBeVisible();
  await adviser.context().close();
});

test("samtidige endringer gir en synlig konflikt, ikke en tapt oppdatering; forslaget løses felt for felt", async ({ browser }) => {
  const url = "/ordninger/hallinghelse/rediger";
  // A proposal from Ål based on the current version, touching the description and the notes …
  const al = await pageAs(browser, "al");
  await al.goto(url);
  await al.getByLabel("Beskrivelse (valgfritt)").fill("Ål sin beskrivelse");
  await al.getByLabel("Merknader (valgfritt)").fill("Forslag fra Ål om merknad");
  await al.getByRole("button", { name: "Send forslag til Statsforvalteren" }).click();
  await expect(al.getByTestId("utfall-kvittering")).toContainText("Forslaget er sendt");
  await al.context().close();

  // … then two advisers open the same version and both save.
  const first = await pageAs(browser, "adviser", url);
  const second = await pageAs(browser, "admin", url);
  await first.goto(url);
  await second.goto(url);
  await first.getByLabel("Beskrivelse (valgfritt)").fill("Rådgiverens beskrivelse");
  await first.getByRole("button", { name: "Lagre endringene" }).click();
  await expect(first.getByTestId("utfall-kvittering")).toContainText("Endringen er lagret");
  await expect(first.getByTestId("lagret-innhold")).toContainText("Rådgiverens beskrivelse");

  await second.getByLabel("Beskrivelse (valgfritt)").fill("Administratorens beskrivelse");
  await second.getByRole("button", { name: "Lagre endringene" }).click();
  await expect(second.getByTestId("skjema-melding").first()).toContainText("Ordningen er endret av noen andre siden du åpnet den. Ingenting er lagret.");
  // Nothing typed is lost on an error.
  await expect(second.getByLabel("Beskrivelse (valgfritt)")).toHaveValue("Administratorens beskrivelse");
  await second.goto(url);
  await expect(second.getByLabel("Beskrivelse (valgfritt)")).toHaveValue("Rådgiverens beskrivelse");
  await second.context().close();

  // The proposal's description changed since it was sent: a conflict on that field only.
  await first.goto("/endringsforslag");
  await expect(first.getByRole("row", { name: /Endret opplysninger om Hallinghelse/ })).toContainText("Konflikt");
  await first.getByRole("link", { name: "Endret opplysninger om Hallinghelse" }).click();
  await expect(first.getByTestId("konflikt")).toBeVisible();
  await expect(first.getByRole("row", { name: /Beskrivelse \(Konflikt\)/ })).toContainText("Rådgiverens beskrivelse");
  await expect(first.getByRole("row", { name: /Beskrivelse \(Konflikt\)/ })).toContainText("Ål sin beskrivelse");
  await expectNoAxeViolations(first);
  await first.getByRole("button", { name: "Godkjenn og publiser" }).click();
  await expect(first.getByTestId("skjema-melding").first()).toContainText("Velg for hvert felt i konflikt");
  await first.getByRole("radio", { name: "Behold gjeldende: Rådgiverens beskrivelse" }).check();
  await first.getByRole("button", { name: "Godkjenn og publiser" }).click();
  await expect(first.getByTestId("utfall")).toContainText("Godkjent og publisert");
  await first.goto(url);
  await expect(first.getByLabel("Beskrivelse (valgfritt)")).toHaveValue("Rådgiverens beskrivelse");
  await expect(first.getByLabel("Merknader (valgfritt)")).toHaveValue("Forslag fra Ål om merknad");
  await first.context().close();
});

test("administratoren oppretter og deaktiverer en bruker", async ({ browser }) => {
  const admin = await pageAs(browser, "admin", "/admin");
  await admin.goto("/admin");
  await expectNoAxeViolations(admin);
  const form = admin.locator("form", { has: admin.getByRole("button", { name: "Opprett brukeren" }) });
  await form.getByLabel("E-postadresse").fill("kari.nordmann@gol.kommune.no");
  await form.getByRole("checkbox", { name: "Gol", exact: true }).check();
  await form.getByRole("button", { name: "Opprett brukeren" }).click();
  await expect(admin.getByText("Navnet må fylles ut.")).toBeVisible();
  await form.getByLabel("Navn").fill("Kari Nordmann");
  await form.getByRole("button", { name: "Opprett brukeren" }).click();
  await expect(admin.getByTestId("skjema-melding")).toContainText("Brukeren kari.nordmann@gol.kommune.no er opprettet");
  await admin.getByRole("link", { name: "Åpne brukeren" }).click();
  await expectNoAxeViolations(admin);
  await admin.getByRole("button", { name: "Deaktiver brukeren" }).click();
  await expect(admin.getByRole("button", { name: "Aktiver brukeren igjen" })).toBeVisible();
  await expect(admin.getByRole("main")).toContainText("Deaktivert");
  await admin.context().close();

  const page = await anonymousPage(browser);
  await page.goto("/logg-inn");
  await page.getByLabel("E-postadresse").fill("kari.nordmann@gol.kommune.no");
  await page.getByLabel("Passord").fill("et-langt-og-hemmelig-passord");
  await page.getByRole("button", { name: "Logg inn" }).click();
  await expect(page.getByTestId("innlogging-feil")).toHaveText("Feil e-postadresse eller passord.");
  await page.context().close();
});
