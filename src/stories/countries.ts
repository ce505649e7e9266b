/** Country names and their usual adjectives, for "these two reports are about different countries". */
const COUNTRIES = `Afghanistan|Afghan; Albania|Albanian; Algeria|Algerian; Angola|Angolan; Argentina|Argentine|Argentinian;
Armenia|Armenian; Australia|Australian; Austria|Austrian; Azerbaijan|Azerbaijani; Bangladesh|Bangladeshi;
Belarus|Belarusian; Belgium|Belgian; Benin|Beninese; Bolivia|Bolivian; Bosnia|Bosnian; Botswana;
Brazil|Brazilian; Bulgaria|Bulgarian; Burkina Faso; Burundi|Burundian; Cambodia|Cambodian;
Cameroon|Cameroonian; Canada|Canadian; Chad|Chadian; Chile|Chilean; China|Chinese; Colombia|Colombian;
Congo|Congolese; Costa Rica|Costa Rican; Croatia|Croatian; Cuba|Cuban; Cyprus|Cypriot; Czech Republic|Czech;
Denmark|Danish; Dominican Republic|Dominican; Ecuador|Ecuadorian; Egypt|Egyptian; El Salvador|Salvadoran;
Estonia|Estonian; Eswatini; Ethiopia|Ethiopian; Fiji|Fijian; Finland|Finnish; France|French; Gabon|Gabonese;
Georgia|Georgian; Germany|German; Ghana|Ghanaian; Greece|Greek; Guatemala|Guatemalan; Guinea|Guinean;
Haiti|Haitian; Honduras|Honduran; Hungary|Hungarian; Iceland|Icelandic; India|Indian; Indonesia|Indonesian;
Iran|Iranian; Iraq|Iraqi; Ireland|Irish; Israel|Israeli; Italy|Italian; Ivory Coast|Ivorian; Jamaica|Jamaican;
Japan|Japanese; Jordan|Jordanian; Kazakhstan|Kazakh; Kenya|Kenyan; Kuwait|Kuwaiti; Kyrgyzstan|Kyrgyz;
Laos|Lao|Laotian; Latvia|Latvian; Lebanon|Lebanese; Lesotho|Basotho; Liberia|Liberian; Libya|Libyan;
Lithuania|Lithuanian; Madagascar|Malagasy; Malawi|Malawian; Malaysia|Malaysian; Mali|Malian; Malta|Maltese;
Mauritania|Mauritanian; Mexico|Mexican; Moldova|Moldovan; Mongolia|Mongolian; Morocco|Moroccan;
Mozambique|Mozambican; Myanmar|Burmese; Namibia|Namibian; Nepal|Nepali|Nepalese; Netherlands|Dutch;
New Zealand; Nicaragua|Nicaraguan; Niger|Nigerien; Nigeria|Nigerian; North Korea|North Korean;
Norway|Norwegian; Oman|Omani; Pakistan|Pakistani; Panama|Panamanian; Papua New Guinea; Paraguay|Paraguayan;
Peru|Peruvian; Philippines|Philippine|Filipino; Poland|Polish; Portugal|Portuguese; Qatar|Qatari;
Romania|Romanian; Russia|Russian; Rwanda|Rwandan; Samoa|Samoan; Saudi Arabia|Saudi; Senegal|Senegalese;
Serbia|Serbian; Sierra Leone; Singapore|Singaporean; Slovakia|Slovak; Slovenia|Slovenian; Somalia|Somali;
South Africa|South African; South Korea|South Korean|Korea|Korean; South Sudan; Spain|Spanish;
Sri Lanka|Sri Lankan; Sudan|Sudanese; Sweden|Swedish; Switzerland|Swiss; Syria|Syrian; Taiwan|Taiwanese;
Tajikistan|Tajik; Tanzania|Tanzanian; Thailand|Thai; Togo|Togolese; Tonga|Tongan; Tunisia|Tunisian;
Turkey|Turkish|Turkiye; Uganda|Ugandan; Ukraine|Ukrainian; United Arab Emirates|UAE|Emirati;
United Kingdom|Britain|British|UK; United States|U.S.|US|American; Uruguay|Uruguayan; Uzbekistan|Uzbek;
Venezuela|Venezuelan; Vietnam|Vietnamese; Yemen|Yemeni; Zambia|Zambian; Zimbabwe|Zimbabwean`;

const BY_NAME = new Map<string, string>();
for (const entry of COUNTRIES.split(";")) {
  const names = entry.trim().split("|");
  for (const name of names) BY_NAME.set(name, names[0]!);
}

const escape = (s: string) => s.replace(/[.]/g, "\\.");
const PATTERN = new RegExp(
  `(?<![\\p{L}.])(${[...BY_NAME.keys()]
    .sort((a, b) => b.length - a.length)
    .map(escape)
    .join("|")})(?![\\p{L}])`,
  "gu",
);

/** The countries a text names, by country or adjective ("Thai" and "Thailand" are one). */
export function countriesIn(text: string): Set<string> {
  const found = new Set<string>();
  for (const m of text.matchAll(PATTERN)) found.add(BY_NAME.get(m[1]!)!);
  return found;
}
