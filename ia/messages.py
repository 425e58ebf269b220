"""The message catalogue: every diagnostic code with its Danish and English text.

Codes are stable: editors search for them, CI annotations show them, README lists
them. Add new codes at the end of their hundred; never reuse a retired one.
"""

from __future__ import annotations

from dataclasses import dataclass

from ia.diagnostics import Severity


@dataclass(frozen=True)
class Entry:
    da: str
    en: str
    severity: Severity = Severity.ERROR


W = Severity.WARNING

MESSAGES: dict[str, Entry] = {
    # 1xx: files and YAML syntax
    "IA100": Entry("filen kan ikke læses: {reason}", "the file cannot be read: {reason}"),
    "IA101": Entry("YAML-fejl: {problem}", "YAML error: {problem_en}"),
    "IA102": Entry("nøglen '{key}' står to gange (første gang i linje {first})",
                   "the key '{key}' appears twice (first on line {first})"),
    "IA103": Entry("YAML-mærket '{tag}' er ikke tilladt", "the YAML tag '{tag}' is not allowed"),
    "IA104": Entry("YAML-aliasser (*navn) er ikke tilladt", "YAML aliases (*name) are not allowed"),
    "IA105": Entry("YAML er indlejret for dybt (over {limit} niveauer)",
                   "YAML is nested too deeply (over {limit} levels)"),
    "IA106": Entry("en nøgle skal være en enkelt tekst", "a key must be a single text"),
    "IA107": Entry("front-matter starter med '---' men slutter aldrig med '---'",
                   "front-matter opens with '---' but never closes with '---'"),
    "IA108": Entry("filen er ikke UTF-8 (ugyldig byte i linje {line})",
                   "the file is not UTF-8 (invalid byte on line {line})"),
    "IA109": Entry("stien peger uden for repositoriet: {target}",
                   "the path points outside the repository: {target}"),
    "IA110": Entry("filen er for stor ({size} byte, højst {limit})",
                   "the file is too large ({size} bytes, at most {limit})"),
    "IA111": Entry("forventede en fil, fandt en mappe", "expected a file, found a folder"),
    "IA112": Entry("forventede et YAML-dokument, fandt en tom fil", "expected a YAML document, found an empty file"),
    "IA113": Entry("forventede en almindelig fil, fandt en særlig fil (en pipe, en enhed eller en socket)",
                   "expected a regular file, found a special file (a pipe, a device or a socket)"),
    "IA114": Entry("kan ikke skrive {target}: {link} er et symbolsk link, og ia skriver aldrig gennem links",
                   "cannot write {target}: {link} is a symbolic link, and ia never writes through links"),
    "IA115": Entry("teksten er for lang ({size} tegn, højst {limit})", "the text is too long ({size} characters, at most {limit})"),
    "IA198": Entry("{count} advarsler mere i filen vises ikke (højst {limit} pr. fil)",
                   "{count} more warnings in the file are not shown (at most {limit} per file)", W),
    "IA199": Entry("{count} problemer mere i filen vises ikke (højst {limit} pr. fil): ret de viste først",
                   "{count} more problems in the file are not shown (at most {limit} per file): fix those shown first"),
    # 12x: finding agreements
    "IA120": Entry("ukendt dokument '{ref}': forventede et id som 'csr-2026', 'indsatskatalog-2026' eller 'das-social-2025-05-22', eller en mappe",
                   "unknown document '{ref}': expected an id such as 'csr-2026', 'indsatskatalog-2026' or 'das-social-2025-05-22', or a folder"),
    "IA121": Entry("mappen {folder} findes ikke", "the folder {folder} does not exist"),
    "IA122": Entry("aftalemappen mangler agreement.yaml", "the agreement folder has no agreement.yaml"),
    "IA123": Entry("årets regler mangler: forventede {file}", "the year's rules are missing: expected {file}"),
    "IA124": Entry("ingen dokumenter fundet under {folder}", "no documents found under {folder}"),
    "IA125": Entry("årets fælles kapitel '{name}' findes ikke i _shared/chapters/: forventede en af {expected}",
                   "the year's shared chapter '{name}' is not in _shared/chapters/: expected one of {expected}"),
    "IA126": Entry("mappen {folder} findes allerede: ia new overskriver ikke en aftale",
                   "the folder {folder} already exists: ia new does not overwrite an agreement"),
    "IA127": Entry("det nye år {year} skal ligge efter kildens år {source}", "the new year {year} must come after the source's year {source}"),
    "IA128": Entry("året {year} er uden for de år, en aftale kan gælde ({first}–{last})",
                   "the year {year} is outside the years an agreement can cover ({first}–{last})"),
    "IA129": Entry("'{ref}' kan være flere dokumenter ({folders}): angiv mappen",
                   "'{ref}' could be several documents ({folders}): give the folder"),
    # 2xx: schema
    "IA201": Entry("mangler feltet '{field}'", "the field '{field}' is missing"),
    "IA202": Entry("ukendt felt '{field}'", "unknown field '{field}'"),
    "IA203": Entry("forventede {expected}, fandt {found}", "expected {expected_en}, found {found_en}"),
    "IA204": Entry("forventede en af {expected}, fandt {found}", "expected one of {expected_en}, found {found_en}"),
    "IA205": Entry("ugyldig værdi: {problem}", "invalid value: {problem}"),
    "IA206": Entry("tallet {found} er uden for det tilladte ({limit})", "the number {found} is out of range ({limit})"),
    "IA210": Entry("'{field}' er {found}, men mappen siger {expected}",
                   "'{field}' is {found}, but the folder says {expected}"),
    "IA211": Entry("rækken har {found} celler, men tabellen har {expected} kolonner",
                   "the row has {found} cells, but the table has {expected} columns"),
    "IA212": Entry("kolonnen '{column}' er en tekstkolonne, men cellen er tallet {found}",
                   "column '{column}' is a text column, but the cell is the number {found}"),
    "IA213": Entry("kolonnen '{column}' er en talkolonne, men cellen er teksten '{found}'",
                   "column '{column}' is a number column, but the cell is the text '{found}'"),
    "IA214": Entry("id'et '{id}' bruges allerede (linje {first})", "the id '{id}' is already used (line {first})"),
    "IA215": Entry("tallet {found} er urimeligt stort eller har for mange cifre: er der tastet forkert?",
                   "the number {found} is unreasonably large or has too many digits: a typing error?"),
    "IA216": Entry("tabellen har {found} rækker; højst {limit} kan sættes op", "the table has {found} rows; at most {limit} can be typeset"),
    "IA217": Entry("overskrifterne over flere kolonner dækker {found} kolonner, men tabellen har {expected} talkolonner",
                   "the header groups span {found} columns, but the table has {expected} columns after the first"),
    "IA218": Entry("tabellen '{id}' har ingen tal endnu: skriv årets tal", "the table '{id}' has no figures yet: enter this year's figures", W),
    "IA219": Entry("forventede {expected} i kolonnen '{column}', fandt {found}, som ville blive trykt som {shown}",
                   "expected {expected_en} in column '{column}', found {found}, which would print as {shown}"),
    # 3xx: document structure
    "IA301": Entry("målet mangler svaret '{heading}' ({question})", "the goal lacks the answer '{heading}' (\"{question}\")"),
    "IA302": Entry("svaret '{heading}' er tomt", "the answer '{heading}' is empty"),
    "IA303": Entry("ukendt afsnit '{found}' i et mål: forventede {expected}",
                   "unknown section '{found}' in a goal: expected {expected}"),
    "IA304": Entry("ukendt område '{found}'", "unknown area '{found}'"),
    "IA305": Entry("overskrift på niveau {level} er ikke tilladt her: brug {expected}",
                   "a level {level} heading is not allowed here: use {expected_en}"),
    "IA306": Entry("ukendt tabel '{id}' i {{tabel}}: forventede en af {expected}",
                   "unknown table '{id}' in {{tabel}}: expected one of {expected}"),
    "IA307": Entry("tekst før første svar: start målet med '## {expected}'",
                   "text before the first answer: start the goal with '## {expected}'"),
    "IA308": Entry("svaret '{heading}' står to gange", "the answer '{heading}' appears twice"),
    "IA309": Entry("aftalen har intet kapitel med 'goals: true', så målene vises ikke",
                   "no chapter has 'goals: true', so the goals are not shown"),
    "IA310": Entry("områdeteksten {file} hører ikke til noget område i årets regler",
                   "the area text {file} belongs to no area of the year's rules"),
    "IA311": Entry("direktivet '{{{name}}}' er ukendt: forventede {{tabel}}, {{figur}}, {{lokalt}}, {{efter}} eller {{erstat}}",
                   "unknown directive '{{{name}}}': expected {{tabel}}, {{figur}}, {{lokalt}}, {{efter}} or {{erstat}}"),
    "IA313": Entry("{{figur}} '{id}' kræver en tabel med et 'chart:'-afsnit: forventede en af {expected}",
                   "{{figur}} '{id}' needs a table with a 'chart:' section: expected one of {expected}"),
    "IA312": Entry("```{{lokalt}}``` står mere end én gang i det fælles kapitel", "```{{lokalt}}``` appears more than once in the shared chapter"),
    "IA314": Entry("'{found}' står først i et afsnit og læses som et nummereret punkt, ikke som en dato",
                   "'{found}' starts a paragraph and is read as a numbered list item, not as a date", W),
    "IA315": Entry("'{found}' dannes automatisk, så der ville stå '{printed}'",
                   "'{found}' is generated, so it would print as '{printed}'"),
    "IA316": Entry("en Markdown-tabel med | bliver ikke til en tabel, men trykkes som tekst med lodrette streger",
                   "a Markdown table with | does not become a table; it prints as text with vertical bars"),
    "IA318": Entry("'{found}' under linjen '{text}' gør linjen til en overskrift",
                   "'{found}' under the line '{text}' makes the line a heading", W),
    "IA319": Entry("tekst, der er rykket fire mellemrum ind, vises som kode (fast bredde, ingen ombrydning)",
                   "text indented by four spaces is shown as code (fixed width, no wrapping)", W),
    "IA320": Entry("det obligatoriske mål '{name}' mangler i området '{area}'",
                   "the mandatory goal '{name}' is missing from the area '{area}'"),
    "IA321": Entry("området '{area}' skal have mindst {count} mål, men har {found}{requirement}",
                   "the area '{area}' needs at least {count} goal(s) but has {found}{requirement_en}"),
    "IA360": Entry("ukendt spørgsmål '{found}' i question_variants: forventede en af {expected}",
                   "unknown question '{found}' in question_variants: expected one of {expected}"),
    "IA361": Entry("ukendt formulering '{found}' af spørgsmålet '{heading}': forventede en af {expected}",
                   "unknown wording '{found}' of the question '{heading}': expected one of {expected_en}"),
    "IA362": Entry("målet vælger en formulering af spørgsmålet '{heading}', men besvarer det ikke, så den vises ikke",
                   "the goal chooses a wording of the question '{heading}' but does not answer it, so it is not shown", W),
    "IA363": Entry("'{found}' står i tabellens overskrift: tabelnumre skrives ikke, de dannes automatisk",
                   "'{found}' stands in the table's caption: table numbers are not typed, they are generated"),
    "IA365": Entry("ukendt sted '{found}' i det fælles kapitel '{chapter}' for {{{kind}}}: forventede en af {expected}",
                   "unknown place '{found}' in the shared chapter '{chapter}' for {{{kind}}}: expected one of {expected}"),
    "IA366": Entry("stedet '{found}' erstattes allerede i linje {first}: to erstatninger af samme sted ville skjule den ene",
                   "the place '{found}' is already replaced on line {first}: two replacements of one place would hide one"),
    "IA367": Entry("enhedens ordlyd af effektmålet '{key}' skal være ét afsnit tekst (ingen lister, overskrifter eller tabeller)",
                   "the unit's wording of the effect goal '{key}' must be one paragraph of text (no lists, headings or tables)"),
    "IA368": Entry("```{{{name}}}``` kan kun stå i et kapitel, der bygger på et fælles kapitel med 'shared:'",
                   "```{{{name}}}``` can only stand in a chapter built on a shared chapter with 'shared:'"),
    "IA364": Entry("den godkendte advarsel {code} om '{text}' findes ikke i filen eller er rettet",
                   "the accepted warning {code} about '{text}' is not in the file or has been fixed", W),
    "IA369": Entry("kun advarsler om teksten kan godkendes her: forventede en af {expected}, fandt '{found}'",
                   "only warnings about the text can be accepted here: expected one of {expected}, found '{found}'"),
    # 37x-38x: meetings
    "IA370": Entry("punkt {number} '{title}' mangler '## Indstilling'",
                   "item {number} '{title}' has no '## Indstilling' (proposals)"),
    "IA371": Entry("referatet mangler beslutningen på punkt {number} '{title}': skriv den {where}",
                   "the minutes lack the decision on item {number} '{title}': write it {where_en}"),
    "IA372": Entry("sagsnummeret '{found}' har ikke formen ÅÅÅÅ-NNNNNN, fx \"2025-031702\"",
                   "the case number '{found}' is not of the form YYYY-NNNNNN, such as \"2025-031702\""),
    "IA373": Entry("bilaget '{title}' findes ikke i {folder}: læg bilagets tekst dér som en .md-fil med 'title: {title}', "
                   "eller skriv med 'external:', hvor bilaget findes",
                   "the attachment '{title}' is not in {folder}: put its text there as a .md file with 'title: {title}', "
                   "or say with 'external:' where the attachment is"),
    "IA374": Entry("filen {file} står ikke i punktets bilagsliste", "the file {file} is not in the item's list of attachments"),
    "IA375": Entry("mødets dato {date} ligger ikke efter seneste møde {previous}",
                   "the meeting's date {date} is not after the previous meeting {previous}"),
    "IA376": Entry("godkendelsen af referatet nævner {found}, men seneste møde var {expected}",
                   "the approval of the minutes names {found}, but the previous meeting was {expected}"),
    "IA377": Entry("pladsholderen '{found}' står i et referat: skriv den endelige tekst, eller godkend den under 'accepted:' med en begrundelse",
                   "the placeholder '{found}' stands in minutes: write the final text, or accept it under 'accepted:' with a reason"),
    "IA378": Entry("pladsholderen '{found}' står i dagsordenen: udfyld den, før referatet skrives (i et referat er den en fejl)",
                   "the placeholder '{found}' stands in the agenda: fill it in before the minutes are written (in minutes it is an error)", W),
    "IA379": Entry("pladsholderen '{found}' står med vilje: {reason}", "the placeholder '{found}' stands on purpose: '{reason}'", W),
    "IA380": Entry("ukendt afsnit '## {found}' i et punkt: forventede {expected}",
                   "unknown section '## {found}' in an item: expected {expected}"),
    "IA381": Entry("afsnittet '## {found}' står efter '## {after}': rækkefølgen er Resumé, Baggrund, Sagsfremstilling, Indstilling, Beslutning, hver højst én gang",
                   "the section '## {found}' comes after '## {after}': the order is Resumé, Baggrund, Sagsfremstilling, Indstilling, Beslutning, each at most once"),
    "IA382": Entry("teksten nævner {found} som næste møde, men udvalgets næste møde i repositoriet er {expected}",
                   "the text names {found} as the next meeting, but the body's next meeting in the repository is {expected}", W),
    "IA383": Entry("mødet mangler {file}", "the meeting lacks {file}"),
    "IA384": Entry("'{key}' er ikke et fast punkt i {file}: forventede en af {expected}",
                   "'{key}' is not a standing item in {file}: expected one of {expected}"),
    "IA385": Entry("previous_meeting er {found}, men udvalgets seneste møde i repositoriet er {expected}: slet linjen",
                   "previous_meeting is {found}, but the body's previous meeting in the repository is {expected}: delete the line"),
    "IA386": Entry("indstillingen skal være en nummereret liste af forslag (1. …)",
                   "the proposals must be a numbered list (1. …)"),
    "IA387": Entry("det nye mødes dato {date} skal ligge efter kildens {source}",
                   "the new meeting's date {date} must come after the source's {source}"),
    "IA388": Entry("billedet '{src}' vises ikke: et mødepunkt kan ikke have billeder",
                   "the image '{src}' is not shown: a meeting item cannot have images"),
    "IA389": Entry("den godkendte pladsholder '{text}' findes ikke i teksten: slet den",
                   "the accepted placeholder '{text}' is not in the text: delete it", W),
    # 33x: accessibility
    "IA330": Entry("billedet '{src}' mangler en alternativ tekst: skriv ![hvad billedet viser]({src})",
                   "the image '{src}' lacks an alternative text: write ![what the image shows]({src})"),
    "IA331": Entry("overskriften springer et niveau over: fandt '{found}', forventede '{expected}'",
                   "the heading skips a level: found '{found}', expected '{expected}'"),
    "IA332": Entry("tabellen har ingen kolonneoverskrifter", "the table has no column headers"),
    "IA340": Entry("billedet '{src}' hentes ikke: et billede skal være en fil i repositoriet, angivet i forhold til teksten",
                   "the image '{src}' is not fetched: an image must be a file in the repository, given relative to the text"),
    "IA341": Entry("billedet '{src}' findes ikke eller er ikke et billede (png, jpg, gif, svg, webp)",
                   "the image '{src}' does not exist or is not an image (png, jpg, gif, svg, webp)"),
    "IA350": Entry("{{{name}}} '{id}' er sat ind mere end {limit} gange: hver gang gentager hele tabellen",
                   "{{{name}}} '{id}' is placed more than {limit} times: each placement repeats the whole table"),
    "IA351": Entry("fodnoten [^{label}] henvises til mere end {limit} gange: hver henvisning gentager noten i PDF'en",
                   "the footnote [^{label}] is referred to more than {limit} times: each reference repeats the note in the PDF"),
    # 4xx: years
    "IA401": Entry("teksten nævner {found} som resultatår, men aftalen gælder {year}",
                   "the text names {found} as the result year, but the agreement is for {year}"),
    "IA402": Entry("KPI-kolonnen '{label}' nævner målåret {found}, men aftalen gælder {year}",
                   "the KPI column '{label}' names the target year {found}, but the agreement is for {year}"),
    "IA403": Entry("målet kan ikke fortsætte fra {found}: det er ikke før aftaleåret {year}",
                   "the goal cannot continue from {found}: it is not before the agreement year {year}"),
    "IA404": Entry("teksten sætter mål for {found}, men aftalen gælder {year}: er den kopieret fra sidste år?",
                   "the text sets targets for {found}, but the agreement is for {year}: copied from last year?", W),
    "IA405": Entry("'{phrase}' nævner {found} som aftalens år, men aftalen gælder {year}: er teksten kopieret fra sidste år?",
                   "'{phrase}' names {found} as the agreement's year, but the agreement is for {year}: copied from last year?", W),
    "IA406": Entry("'{field}' er {found}, men aftalen gælder {year}: forventede en dato i {expected}",
                   "'{field}' is {found}, but the agreement is for {year}: expected a date in {expected_en}"),
    # 5xx: KPI values
    "IA501": Entry("{which} {found} ligger uden for skalaen '{scale}' ({limits})",
                   "the {which_en} {found} is outside the scale '{scale}' ({limits})"),
    "IA502": Entry("KPI-rækken '{indicator}' mangler {which}", "the KPI row '{indicator}' lacks its {which_en}"),
    "IA503": Entry("{which} '{found}' er tekst, men skalaen '{scale}' kræver et tal",
                   "the {which_en} '{found}' is text, but the scale '{scale}' needs a number"),
    "IA504": Entry("{which} {found} har tre decimaler og trykkes som {shown}: er punktummet et tusindtalspunktum?",
                   "the {which_en} {found} has three decimals and prints as {shown}: is the point a thousands point?", W),
    # 6xx: figures
    "IA601": Entry("'{label}', kolonne '{column}': summen af {parts} er {expected}, men der står {found} ({difference})",
                   "'{label}', column '{column}': the sum of {parts_en} is {expected}, but it says {found} ({difference_en})"),
    "IA602": Entry("'{label}', kolonne '{column}': summen er {expected}, men der står {found} (godkendt afvigelse: {reason})",
                   "'{label}', column '{column}': the sum is {expected}, but it says {found} (accepted deviation: '{reason}')", W),
    "IA603": Entry("den godkendte afvigelse '{label}', kolonne '{column}' findes ikke eller stemmer allerede",
                   "the accepted deviation '{label}', column '{column}' does not exist or already adds up", W),
    "IA604": Entry("'{label}', kolonne '{column}': {factors} giver {expected}, men der står {found}",
                   "'{label}', column '{column}': {factors} gives {expected}, but it says {found}"),
    "IA605": Entry("kolonnen '{column}' skal ganges med '{factor}', som ikke er en talkolonne i tabellen",
                   "column '{column}' multiplies '{factor}', which is not a number column of the table"),
    "IA606": Entry("'{label}', kolonne '{column}': {factors} giver {expected}, men der står {found} (godkendt afvigelse: {reason})",
                   "'{label}', column '{column}': {factors} gives {expected}, but it says {found} (accepted deviation: '{reason}')", W),
    "IA610": Entry("kolonnen '{column}' er en kvotient af '{found}', som ikke er en talkolonne i tabellen",
                   "column '{column}' is a quotient of '{found}', which is not a number column of the table"),
    "IA611": Entry("'{label}', kolonne '{column}': '{divisor}' er 0, så der kan ikke divideres, men der står {found}",
                   "'{label}', column '{column}': '{divisor}' is 0, so there is nothing to divide, but it says {found}"),
    # 7xx: contacts and links
    "IA701": Entry("e-mailadressen '{found}' er ikke gyldig", "the e-mail address '{found}' is not valid"),
    "IA702": Entry("telefonnummeret '{found}' er ikke et dansk nummer med 8 cifre",
                   "the phone number '{found}' is not a Danish 8-digit number"),
    "IA703": Entry("linket '{found}' er ikke gyldigt: {problem}", "the link '{found}' is not valid: {problem_en}"),
    # 55x: follow-ups (opfoelgning-midtvejs.yaml, opfoelgning-aar.yaml)
    "IA550": Entry("opfølgningen nævner målet '{key}', som aftalen ikke har: forventede en af {expected}",
                   "the follow-up names the goal '{key}', which the agreement does not have: expected one of {expected}"),
    "IA551": Entry("mål nr. {number} '{title}' har ingen status i {report}: skriv 'status:' under '{key}'",
                   "goal {number} '{title}' has no status in the year-end follow-up: write 'status:' under '{key}'"),
    "IA552": Entry("mål nr. {number} '{title}' har endnu ingen status i {report}",
                   "goal {number} '{title}' has no status yet in the mid-year follow-up", W),
    "IA553": Entry("den faktiske værdi {found} ligger uden for skalaen '{scale}' ({limits})",
                   "the actual value {found} is outside the scale '{scale}' ({limits})"),
    "IA554": Entry("den faktiske værdi '{found}' er tekst, men skalaen '{scale}' kræver et tal",
                   "the actual value '{found}' is text, but the scale '{scale}' needs a number"),
    "IA555": Entry("status er 'opfyldt', men '{indicator}' nåede {actual} mod målet {target}",
                   "the status is 'opfyldt' (met), but '{indicator}' reached {actual} against the target {target}", W),
    "IA556": Entry("{report} er dateret {date}, men aftalen gælder {year}: forventede en dato i {year}",
                   "the follow-up is dated {date}, but the agreement covers {year}: expected a date in {year}"),
    "IA557": Entry("mål nr. {number} har ingen KPI-tabel '{found}': forventede en af {expected}",
                   "goal {number} has no KPI table '{found}': expected one of {expected_en}"),
    "IA558": Entry("KPI-tabellen '{kpi}' har ingen række '{found}'", "the KPI table '{kpi}' has no row '{found}'"),
    "IA559": Entry("målets nøgle '{key}' bruges også af {other}: skriv en anden 'key:' i et af målene",
                   "the goal key '{key}' is also used by {other}: write another 'key:' in one of the goals"),
    "IA560": Entry("ukendt opfølgningsfil '{found}': forventede en af {expected}",
                   "unknown follow-up file '{found}': expected one of {expected}"),
    "IA561": Entry("KPI-rækken '{indicator}' ({kpi}, mål nr. {number}) har ingen faktisk værdi i årsopfølgningen",
                   "the KPI row '{indicator}' ({kpi}, goal {number}) has no actual value in the year-end follow-up", W),
    "IA562": Entry("{what} kan ikke vises i en opfølgnings forklaring: skriv det som tekst",
                   "{what_en} cannot be shown in a follow-up's explanation: write it as text"),
    # 8xx: references
    "IA801": Entry("'{found}' henviser til et mål, der ikke findes (aftalen har mål nr. 1–{count})",
                   "'{found}' refers to a goal that does not exist (the agreement has goals 1–{count})"),
    "IA802": Entry("ukendt effektmål '{found}': forventede en af {expected}", "unknown effect goal '{found}': expected one of {expected}"),
    "IA803": Entry("indsatsen løfter effektmålet '{found}', som ikke er blandt enhedens valgte ({expected})",
                   "the intervention lifts the effect goal '{found}', which is not among the unit's chosen ({expected})"),
    # 81x: the register of offers (offers/) and the documents that use it
    "IA810": Entry("filnavnet '{key}.md' er ikke en gyldig nøgle for et tilbud: brug små bogstaver a-z, tal og bindestreger",
                   "the file name '{key}.md' is not a valid offer key: use lowercase letters a-z, digits and hyphens"),
    "IA811": Entry("navnet '{name}' bruges også af tilbuddet '{other}' ('{written}'): et navn skal pege på ét tilbud",
                   "the name '{name}' is also used by the offer '{other}' ('{written}'): a name must point to one offer"),
    "IA812": Entry("tilbuddet har et område, men registrets områder mangler: forventede {file}",
                   "the offer has an area, but the register's areas are missing: expected {file}"),
    "IA813": Entry("{file} hører ikke til registret: et tilbud er en .md-fil, områderne står i _areas.yaml",
                   "{file} is not part of the register: an offer is a .md file, the areas are in _areas.yaml", W),
    # 82x: the catalogue of offers (catalogues/<år>/<navn>/)
    "IA820": Entry("katalogmappen mangler {file}", "the catalogue folder has no {file}"),
    "IA821": Entry("filen '{file}' findes ikke i katalogmappen", "the file '{file}' does not exist in the catalogue folder"),
    "IA823": Entry("tilbuddet '{key}' står allerede i kataloget (linje {first}): et tilbud står ét sted",
                   "the offer '{key}' is already in the catalogue (line {first}): an offer stands in one place"),
    "IA824": Entry("området '{area}' har allerede et kapitel (linje {first})",
                   "the area '{area}' already has a chapter (line {first})"),
    "IA825": Entry("teksten siger '{found}', men catalogue.yaml siger updated: \"{updated}\" ({expected})",
                   "the text says '{found}', but catalogue.yaml says updated: \"{updated}\" ({expected})"),
    "IA826": Entry("{file} står ikke under chapters: i catalogue.yaml og kommer ikke med i kataloget",
                   "{file} is not listed under chapters: in catalogue.yaml and is left out of the catalogue", W),
    "IA827": Entry("```{{{name}}}``` kan ikke bruges i et katalog: et katalog har ingen tabeller eller figurer at sætte ind",
                   "```{{{name}}}``` cannot be used in a catalogue: a catalogue has no tables or figures to place"),
    "IA828": Entry("perioden {first}-{last} slutter før den begynder", "the period {first}-{last} ends before it begins"),
    "IA814": Entry("ukendt tilbud '{found}': registret har ingen offers/{found}.md",
                   "unknown offer '{found}': the register has no offers/{found}.md"),
    "IA815": Entry("tilbuddet '{offer}' har intet sted '{found}': forventede en af {expected}",
                   "the offer '{offer}' has no site '{found}': expected one of {expected}"),
    "IA816": Entry("tilbuddet '{offer}' har {count} steder i registret: skriv 'site:' med et af {expected}",
                   "the offer '{offer}' has {count} sites in the register: write 'site:' with one of {expected}"),
    "IA817": Entry("tilbuddet '{offer}' har ingen steder i {file}, så tabellen har ingen adresse at vise",
                   "the offer '{offer}' has no sites in {file}, so the table has no address to show"),
    "IA818": Entry("{what} står som '{found}' i aftalen, men {file} har '{expected}' (godkendt afvigelse: {reason})",
                   "{what_en} reads '{found}' in the agreement, but {file} has '{expected}' (accepted deviation: '{reason}')", W),
    "IA819": Entry("den godkendte afvigelse er ikke længere nødvendig: {file} har også '{expected}' som {what}",
                   "the accepted deviation is no longer needed: {file} also has '{expected}' as {what_en}", W),
    # 84x: documents against the register of offers
    "IA840": Entry("'{field}' står i registret ({file}): ret det dér, eller skriv under 'accepted' med en begrundelse, hvad aftalen trykte",
                   "'{field}' is in the register ({file}): change it there, or write what the agreement printed under 'accepted' with a reason"),
    "IA841": Entry("'{field}' bruges kun sammen med 'offer' (et tilbud i registret)",
                   "'{field}' is only used together with 'offer' (an offer of the register)"),
    "IA842": Entry("'{found}' ligner tilbuddet '{suggestion}', men er stavet anderledes end i registret",
                   "'{found}' looks like the offer '{suggestion}' but is spelt differently from the register", W),
    "IA843": Entry("'{found}' er stavet anderledes end tilbuddet '{suggestion}' (godkendt stavemåde: {reason})",
                   "'{found}' is spelt differently from the offer '{suggestion}' (accepted spelling: '{reason}')", W),
    "IA844": Entry("den godkendte stavemåde '{found}' står ikke længere i tilbuddets tekst",
                   "the accepted spelling '{found}' no longer appears in the offer's text", W),
    "IA845": Entry("{what} for {name} er '{found}' her, men '{expected}' i {file}",
                   "{what_en} of {name} is '{found}' here, but '{expected}' in {file}", W),
    "IA846": Entry("'{found}' står som adresse på '{name}', men {file} har {expected}",
                   "'{found}' is given as the address of '{name}', but {file} has {expected}", W),
    "IA847": Entry("tilbuddet '{key}' bruges ikke af noget dokument (ingen aftale og intet katalog)",
                   "the offer '{key}' is used by no document (no agreement and no catalogue)", W),
    "IA848": Entry("kataloget er senest opdateret {updated}, men tilbuddet '{key}' er ændret {changed} ({file})",
                   "the catalogue was last updated {updated_en}, but the offer '{key}' changed {changed_en} ({file})", W),
    # 9xx: building
    "IA901": Entry("PDF'en kunne ikke dannes: {problem}", "the PDF could not be made: {problem}"),
    "IA904": Entry("dokumentet henviser til {url}, som ikke hentes: kun filer i repositoriet bruges",
                   "the document refers to {url}, which is not fetched: only files in the repository are used"),
    "IA905": Entry("PDF'en blev ikke færdig inden for {limit}: er en tabel eller et afsnit for stort?",
                   "the PDF did not finish within {limit}: is a table or a section too large?"),
    "IA906": Entry("PDF'en brugte mere hukommelse end tilladt ({limit}): er en tabel eller et afsnit for stort?",
                   "the PDF used more memory than allowed ({limit}): is a table or a section too large?"),
    "IA909": Entry("{stage} kunne ikke dannes: {problem}", "{stage_en} could not be made: {problem}"),
    "IA907": Entry("porten {port} på 127.0.0.1 kan ikke bruges: {reason}",
                   "port {port} on 127.0.0.1 cannot be used: {reason_en}"),
    "IA902": Entry("kan ikke skrive {target}: {problem}", "cannot write {target}: {problem}"),
    "IA903": Entry("intern fejl: {problem}", "internal error: {problem}"),
}

# Codes that exist only for what is kept as signed and recorded under `accepted:` (a figure,
# an address, an offer's name, a
# meeting's placeholder): always made with `Diagnostic.accepted` set, so they are notices in a pull
# request like every accepted diagnostic (tests check that they carry it).
ACCEPTED_DEVIATIONS = frozenset({"IA602", "IA606", "IA818", "IA843", "IA379"})

# Warnings about text that an editor may accept with a reason in the file's front-matter
# (`accepted:`), because the text was signed that way: a stale year, a date read as a list
# item, a line read as a heading, text read as code.
ACCEPTABLE_TEXT_WARNINGS = ("IA314", "IA318", "IA319", "IA404", "IA405")

HINTS: dict[str, Entry] = {
    "other_port": Entry("vælg en anden port: ia preview {agreement} --port {suggestion}",
                        "choose another port: ia preview {agreement} --port {suggestion}"),
    "did_you_mean": Entry("mente du '{suggestion}'?", "did you mean '{suggestion}'?"),
    "quote_text": Entry("sæt anførselstegn om teksten: \"{raw}\"", "put the text in quotes: \"{raw}\""),
    "yaml_bool": Entry("'{raw}' er tekst her; skriv true eller false for ja/nej",
                       "'{raw}' is text here; write true or false for yes/no"),
    "no_thousands": Entry("skriv tal uden tusindtalsseparator og med punktum som decimaltegn: {suggestion}",
                          "write numbers without thousands separators and with a decimal point: {suggestion}"),
    "unquote_number": Entry("skriv tallet uden anførselstegn: {suggestion}", "write the number without quotes: {suggestion}"),
    "colon_space": Entry("efter et kolon skal der stå et mellemrum: 'nøgle: værdi'",
                         "a colon needs a space after it: 'key: value'"),
    "tab_indent": Entry("brug mellemrum til indrykning, ikke tabulator", "indent with spaces, not tabs"),
    "quote_colon": Entry("tekst med ': ' skal i anførselstegn", "text containing ': ' must be quoted"),
    "sum_rows": Entry("find det tal, der er tastet forkert: det er sjældent summen, der skal rettes "
                      "(afrunding tillader højst {tolerance})",
                      "find the figure that was mistyped: it is rarely the total that needs correcting "
                      "(rounding allows at most {tolerance})"),
    "sum_rows_exact": Entry("find det tal, der er tastet forkert: det er sjældent summen, der skal rettes. Kolonnen "
                            "holder præcise tal, fx antal; er tallene beløb afrundet til enheden (kr., 1.000 kr.), "
                            "så skriv 'rounded: true' på kolonnen eller tabellen",
                            "find the figure that was mistyped: it is rarely the total that needs correcting. The column "
                            "holds exact figures, such as counts; if they are amounts rounded to the unit (kr., 1.000 kr.), "
                            "write 'rounded: true' on the column or the table"),
    "sum_transposed": Entry("{part} forklarer forskellen: {typed} er måske {meant} med to cifre byttet om. "
                            "Ret tallet der; det er sjældent summen, der skal rettes",
                            "{part_en} explains the difference: {typed} may be {meant} with two digits swapped. "
                            "Correct it there; it is rarely the total that needs correcting"),
    "sum_pattern": Entry("{part} forklarer forskellen: {typed} skiller sig ud fra rækkens {neighbours}, og med {meant} "
                         "stemmer summen. Ret tallet der; det er sjældent summen, der skal rettes",
                         "{part_en} explains the difference: {typed} is out of line with the row's {neighbours_en}, "
                         "and with {meant} the total adds up. Correct it there; it is rarely the total that needs correcting"),
    "sum_total_transposed": Entry("ingen række forklarer forskellen, men summen {found} er måske {meant} med to cifre byttet om",
                                  "no row explains the difference, but the total {found} may be {meant} with two digits swapped"),
    "thousands_point": Entry("mente du {suggestion}? Punktum er decimaltegn i YAML: skriv tal uden tusindtalspunktum",
                             "did you mean {suggestion}? A point is the decimal point in YAML: write numbers without thousands points"),
    "column_decimals": Entry("skriv tallet med {decimals} decimaler, eller sæt 'decimals: {needed}' på kolonnen",
                             "write the figure with {decimals} decimals, or set 'decimals: {needed}' on the column"),
    "escape_number": Entry("skriv {escaped} (med \\ før tegnet efter tallet), så linjen står som almindelig tekst",
                           "write '{escaped}' (with \\ before the character after the number) to keep the line plain text"),
    "generated_number": Entry("skriv det ikke: ia sætter nummeret (og 'fortsættelsesmål fra …') foran selv",
                              "do not write it: ia adds the number (and 'fortsættelsesmål fra …') itself"),
    "figure_table": Entry("skriv tabellen i tables/<id>.yaml og sæt den ind med ```{{tabel}} <id>``` (se docs/format.md)",
                          "write the table in tables/<id>.yaml and place it with ```{{tabel}} <id>``` (see docs/format.md)"),
    "setext_heading": Entry("sæt en tom linje før stregen, hvis det skal være en vandret streg; en overskrift skrives med '##'",
                            "put a blank line before the rule if it is meant as a rule; write a heading with '##'"),
    "indented_code": Entry("fjern indrykningen; et punkt i en liste rykkes ind under punktets tekst",
                           "remove the indentation; a list item's continuation is indented under its text"),
    "answer_heading": Entry("skriv overskriften som '## {heading}' på sin egen linje", "write the heading as '## {heading}' on a line of its own"),
    "empty_quotient": Entry("lad cellen stå tom (null) eller skriv \"-\", eller ret tallet i nævneren",
                            "leave the cell empty (null) or write \"-\", or correct the denominator"),
    "table_numbers": Entry("fjern nummeret; skriv 'table_numbers: true' i agreement.yaml, så nummereres alle tabeller i rækkefølge",
                           "remove the number; write 'table_numbers: true' in agreement.yaml to number every table in order"),
    "offer_name": Entry("mente du '{suggestion}'? Hedder tilbuddet også sådan, så skriv navnet under also_known_as i {file}",
                        "did you mean '{suggestion}'? If the offer is also called that, add the name to also_known_as in {file}"),
    "offer_key": Entry("kald filen {suggestion}.md", "name the file {suggestion}.md"),
    "write_years": Entry("skriv årstallet uden anførselstegn", "write the year without quotes"),
}


def severity_of(code: str) -> Severity:
    entry = MESSAGES.get(code)
    return entry.severity if entry else Severity.ERROR


MAX_QUOTED = 200  # characters of a value a message quotes; the rest is "…"


def _short(value: object) -> object:
    if isinstance(value, str) and len(value) > MAX_QUOTED:
        return value[: MAX_QUOTED - 1] + "…"
    return value


def _format(template: str, args: dict[str, object]) -> str:
    try:
        return template.format(**{key: _short(value) for key, value in args.items()})
    except (KeyError, IndexError, ValueError):
        return template


ACCEPTED = Entry(' (godkendt: {reason})', ' (accepted: "{reason}")')


def message(code: str, args: dict[str, object], lang: str = "da", *, accepted: str | None = None) -> str:
    """The diagnostic's text; an accepted one says so with its reason, unless its text already does."""
    entry = MESSAGES.get(code)
    if entry is None:
        return code
    template = entry.en if lang == "en" else entry.da
    text = _format(template, args)
    if accepted is not None and "{reason}" not in template:
        text += _format(ACCEPTED.en if lang == "en" else ACCEPTED.da, {"reason": accepted})
    return text


def hint(code: str, args: dict[str, object], lang: str = "da") -> str | None:
    entry = HINTS.get(code)
    if entry is None:
        return None
    return _format(entry.en if lang == "en" else entry.da, args)
