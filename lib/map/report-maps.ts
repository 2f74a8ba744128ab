/**
 * The report's small maps of who cooperates with whom (NIVI 2021, figures 5.2–5.17), each as the
 * task area(s) of the registry it shows. Pure data: safe anywhere.
 */
export const REPORT_MAPS: { figure: string; title: string; slugs: string[] }[] = [
  { figure: "5.2", title: "Felles IKT-tjeneste", slugs: ["felles-ikt-tjeneste"] },
  { figure: "5.3", title: "Økonomitjenester", slugs: ["regnskap", "lonn"] },
  { figure: "5.4", title: "Offentlig innkjøp", slugs: ["innkjopssamarbeid"] },
  { figure: "5.5", title: "Kommunerevisjon", slugs: ["revisjon"] },
  { figure: "5.6", title: "Kontrollutvalgssekretariat", slugs: ["kontrollutvalgssekretariat"] },
  { figure: "5.7", title: "Samfunnsmedisinsk enhet", slugs: ["samfunnsmedisink-enhet-felles-kommuneoverlege"] },
  { figure: "5.8", title: "Legevakt", slugs: ["legevakt"] },
  { figure: "5.9", title: "Legevaktsentral", slugs: ["legevaktsentral"] },
  { figure: "5.10", title: "Barnevern", slugs: ["barnevern"] },
  { figure: "5.11", title: "Barnevernvakt", slugs: ["barnevernvakt"] },
  { figure: "5.12", title: "Felles NAV-kontor", slugs: ["felles-nav-kontor"] },
  { figure: "5.13", title: "Krisesenter", slugs: ["krisesenter"] },
  { figure: "5.14", title: "PP-tjeneste", slugs: ["ppt"] },
  { figure: "5.15", title: "Landbrukstjeneste", slugs: ["felles-landbrukskontor"] },
  { figure: "5.16", title: "Miljø- og avfallsselskaper", slugs: ["renovasjon-miljo-og-avfallsbedrift"] },
  { figure: "5.17", title: "Brannvesen", slugs: ["felles-brannvesen"] },
];
