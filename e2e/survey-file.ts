import ExcelJS from "exceljs";

/** Ål's kartleggingsfil changed the way a municipality returns it: one new participant, one ended arrangement. */
export async function changedSurveyFile(xlsx: Buffer): Promise<{ buffer: Buffer; added: string; ended: string }> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(xlsx as unknown as ArrayBuffer);
  const sheet = workbook.getWorksheet("Kartlegging")!;
  const header = (sheet.getRow(1).values as unknown[]).map(String);
  const col = (name: string) => header.indexOf(name);
  let added = "";
  let ended = "";
  sheet.eachRow((row, n) => {
    if (n === 1) return;
    const participants = row.getCell(col("Deltakerkommuner"));
    const name = String(row.getCell(col("Navn på ordning")).value);
    if (!added && !String(participants.value).includes("Hemsedal")) {
      participants.value = `${String(participants.value)}, Hemsedal`;
      added = name;
    } else if (!ended && added) {
      row.getCell(col("Sluttdato")).value = "31.12.2025";
      row.getCell(col("Grunn til avslutning")).value = "Lagt ned etter kartleggingen.";
      ended = name;
    }
  });
  return { buffer: Buffer.from(await workbook.xlsx.writeBuffer()), added, ended };
}
