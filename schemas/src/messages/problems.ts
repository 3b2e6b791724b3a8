/**
 * What each problem and warning of `check` means and how to fix it, for a designer, in Italian
 * and English (explainProblem in compile/explain.ts). `what` may use the problem's params as
 * {{name}}; without an English `what` the problem's own message says it. A code missing here
 * still explains itself by its message (a test lists the codes that compile can give).
 */
export interface ProblemText { what?: string; fix: string }

export const problemTexts: Record<string, Record<'it' | 'en', ProblemText>> = {
  'definition.notJson': {
    it: { what: 'La definizione non è un JSON valido', fix: 'Salvate la definizione come JSON (numeri finiti, nessun riferimento a sé stessa).' },
    en: { fix: 'Save the definition as JSON (finite numbers, no reference to itself).' },
  },
  'definition.notObject': {
    it: { what: 'Una definizione di servizio è un oggetto JSON', fix: 'Partite da un modello del catalogo o da examples/esempio-minimo.json.' },
    en: { fix: 'Start from a catalogue template or from examples/esempio-minimo.json.' },
  },
  'schema.required': {
    it: { what: 'Manca la proprietà "{{missingProperty}}"', fix: 'Aggiungete "{{missingProperty}}": la guida del formato (schemas/README.md) dice cosa contiene.' },
    en: { fix: 'Add "{{missingProperty}}": the format guide (schemas/README.md) says what it holds.' },
  },
  'schema.additionalProperties': {
    it: { what: 'Proprietà sconosciuta "{{additionalProperty}}"', fix: 'Controllate l\'ortografia o togliete la proprietà: il formato non la prevede qui.' },
    en: { fix: 'Check the spelling or remove the property: the format has no such property here.' },
  },
  'schema.type': {
    it: { what: 'Qui serve un valore di tipo {{type}}', fix: 'Scrivete un valore del tipo indicato (string: testo tra virgolette; number: un numero; array: un elenco tra [ ]; object: { }).' },
    en: { fix: 'Write a value of that type (string: text in quotes; number: a number; array: a list in [ ]; object: { }).' },
  },
  'schema.pattern': {
    it: { what: '{{value}} non è {{expected}}', fix: 'Scrivete {{expected}}.' },
    en: { fix: 'Write {{expected}}.' },
  },
  'schema.enum': {
    it: { what: '{{value}} non è ammesso qui', fix: 'Usate uno dei valori ammessi: {{allowed}}.' },
    en: { fix: 'Use one of the allowed values: {{allowed}}.' },
  },
  'schema.badRef': {
    it: { what: 'Il campo rimanda a "{{ref}}", che non esiste nello schema dei dati', fix: 'Mettete le definizioni condivise in data.$defs e richiamatele con "#/$defs/NOME".' },
    en: { what: 'The field refers to "{{ref}}", which is not in the data schema', fix: 'Put shared definitions under data.$defs and refer to them as "#/$defs/NAME".' },
  },
  'schema.compile': {
    it: { what: 'Lo schema dei dati non si può compilare', fix: 'Leggete il dettaglio tecnico nel messaggio inglese e correggete la parola chiave indicata.' },
    en: { fix: 'The detail names the JSON Schema keyword to correct.' },
  },
  'schema.unknownFormat': {
    it: { what: 'Formato sconosciuto "{{format}}"', fix: 'Usate un formato noto: date, email, codice-fiscale, partita-iva, iban, cap, telefono, ...' },
    en: { fix: 'Use a known format: date, email, codice-fiscale, partita-iva, iban, cap, telefono, ...' },
  },
  'schema.invalidPattern': {
    it: { what: 'Il pattern non è un\'espressione regolare valida', fix: 'Correggete l\'espressione (sintassi JavaScript) o usate un formato già pronto.' },
    en: { fix: 'Correct the expression (JavaScript syntax) or use a ready-made format.' },
  },
  'schema.unsupportedPattern': {
    it: { what: 'Il pattern usa un costrutto non consentito (riferimenti all\'indietro o lookaround)', fix: 'Riscrivete il pattern senza \\1, (?=, (?!, (?<=, (?<!, o controllate il valore con una regola.' },
    en: { fix: 'Rewrite the pattern without \\1, (?=, (?!, (?<=, (?<!, or check the value with a rule.' },
  },
  'schema.refSection': {
    it: { what: '"{{name}}" rimanda con $ref a una sezione ("{{ref}}"): $ref può dare a un campo solo il suo tipo (testo, numero, data, elenco)', fix: 'Scrivete le proprietà della sezione al suo posto, in data.properties.' },
    en: { what: '"{{name}}" refers to a section ("{{ref}}") with $ref: $ref can only give a field its type (text, number, date, list)', fix: 'Write the section\'s properties in place, in data.properties.' },
  },
  'field.invalidName': {
    it: { what: 'Il nome di campo "{{name}}" non è valido', fix: 'Un nome di campo inizia con una lettera e continua con lettere, cifre o _ (es. dataNascita).' },
    en: { fix: 'A field name starts with a letter followed by letters, digits or _ (e.g. dataNascita).' },
  },
  'field.reservedName': {
    it: { what: 'Il nome di campo "{{name}}" è riservato', fix: 'Rinominate il campo, ad esempio "{{name}}Campo".' },
    en: { fix: 'Rename the field, e.g. "{{name}}Campo".' },
  },
  'field.nestedGroup': {
    it: { what: 'Un gruppo ripetibile sta dentro un altro gruppo ripetibile', fix: 'Portate il gruppo interno fuori, al primo livello: i gruppi non si annidano.' },
    en: { fix: 'Move the inner group out to the top level: groups do not nest.' },
  },
  'field.notInStep': {
    it: { what: 'Il campo "{{name}}" non è in nessun passo e nessuna regola o precompilazione lo riempie', fix: 'Aggiungetelo all\'elenco "fields" di un passo, oppure calcolatelo con una regola compute.' },
    en: { fix: 'Add it to a step\'s "fields", or compute it with a compute rule.' },
  },
  'group.tooManyRows': {
    it: { what: 'Il gruppo ammette {{maxItems}} righe: al massimo se ne possono ammettere {{limit}}', fix: 'Impostate "maxItems" a {{limit}} o meno.' },
    en: { fix: 'Set "maxItems" to {{limit}} or less.' },
  },
  'dateBounds.notDate': {
    it: { what: 'Il campo "{{name}}" ha limiti di data ma non è una data', fix: 'Date al campo "type": "string" e "format": "date", oppure togliete "dateBounds".' },
    en: { fix: 'Give the field "type": "string" and "format": "date", or remove "dateBounds".' },
  },
  'dateBounds.invalid': {
    it: { what: '{{value}} non è un limite di data', fix: 'Scrivete "today", "today-18y", "today+30d" (d giorni, w settimane, m mesi, y anni), una data "2027-01-31", oppure {"field": "altraData", "offset": "+1d"}.' },
    en: { fix: 'Write "today", "today-18y", "today+30d" (d days, w weeks, m months, y years), a date "2027-01-31", or {"field": "otherDate", "offset": "+1d"}.' },
  },
  'dateBounds.unknownKey': {
    it: { what: '"{{key}}" non è un limite di data', fix: 'Usate "notBefore" (non prima di) o "notAfter" (non dopo).' },
    en: { fix: 'Use "notBefore" or "notAfter".' },
  },
  'dateBounds.unknownField': {
    it: { what: '"{{other}}" non è un campo del servizio', fix: 'Scrivete il nome di un campo data del servizio (es. dataInizio).' },
    en: { fix: 'Write the name of a date field of the service (e.g. dataInizio).' },
  },
  'dateBounds.sameField': {
    it: { what: 'Il campo "{{name}}" è limitato da sé stesso', fix: 'Indicate un altro campo data, o un limite rispetto a oggi.' },
    en: { fix: 'Name another date field, or a bound relative to today.' },
  },
  'dateBounds.fieldNotDate': {
    it: { what: '"{{other}}" non è un campo data', fix: 'Il limite può leggere solo un campo con "format": "date".' },
    en: { fix: 'A bound can read only a field with "format": "date".' },
  },
  'dateBounds.otherGroup': {
    it: { what: '"{{other}}" sta nelle righe del gruppo "{{group}}"', fix: 'Un limite legge un campo fuori dai gruppi, o un campo della stessa riga.' },
    en: { fix: 'A bound reads a field outside groups, or a field of the same row.' },
  },
  'dateBounds.officeData': {
    it: { what: '"{{name}}" è un campo d\'ufficio: i limiti di data valgono per le risposte del cittadino', fix: 'Togliete "dateBounds" dal campo d\'ufficio; controllate la data con una condizione della transizione.' },
    en: { fix: 'Remove "dateBounds" from the office field; check the date with a transition guard.' },
  },
  'schema.formatLimit': {
    it: { what: '"{{keyword}}" non fa parte del formato', fix: 'Limitate la data con "dateBounds": {"notBefore": "today", "notAfter": "today+30d"} (vedi la guida del formato).' },
    en: { fix: 'Bound the date with "dateBounds": {"notBefore": "today", "notAfter": "today+30d"} (see the format guide).' },
  },
  'limit.depth': { it: { what: 'Annidamento oltre {{limit}} livelli', fix: 'Semplificate la struttura: spezzate le condizioni lunghe in campi calcolati.' }, en: { fix: 'Simplify: split long conditions into computed fields.' } },
  'limit.fields': { it: { what: 'Più di {{limit}} campi', fix: 'Dividete il servizio in più servizi.' }, en: { fix: 'Split the service into several services.' } },
  'limit.logicNodes': { it: { what: 'Espressione con più di {{limit}} elementi', fix: 'Spezzate l\'espressione in campi calcolati.' }, en: { fix: 'Split the expression into computed fields.' } },
  'limit.patternLength': { it: { what: 'Pattern più lungo di {{limit}} caratteri', fix: 'Accorciate il pattern o usate un formato già pronto.' }, en: { fix: 'Shorten the pattern or use a ready-made format.' } },
  'limit.size': { it: { what: 'Definizione più grande di {{limit}} byte', fix: 'Riducete testi e traduzioni, o dividete il servizio.' }, en: { fix: 'Shorten texts and translations, or split the service.' } },
  'logic.unknownOperator': {
    it: { what: 'Operatore JSON Logic sconosciuto "{{operator}}"', fix: 'Usate un operatore elencato in schemas/README.md (es. ==, <, and, if, missing, days_between).' },
    en: { fix: 'Use an operator listed in schemas/README.md (e.g. ==, <, and, if, missing, days_between).' },
  },
  'logic.invalidNode': {
    it: { what: 'Un\'operazione JSON Logic è un oggetto con un solo operatore', fix: 'Scrivete ogni operazione come {"operatore": [argomenti]}, una per oggetto.' },
    en: { fix: 'Write each operation as {"operator": [arguments]}, one per object.' },
  },
  'logic.dynamicVar': {
    it: { what: 'var deve nominare un campo con un testo fisso', fix: 'Scrivete il nome del campo tra virgolette: {"var": "isee"}.' },
    en: { fix: 'Write the field\'s name in quotes: {"var": "isee"}.' },
  },
  'logic.invalid': {
    it: { what: 'L\'espressione non si può compilare', fix: 'Controllate gli argomenti degli operatori (il dettaglio tecnico è nel messaggio inglese).' },
    en: { fix: 'Check the operators\' arguments (the detail says which).' },
  },
  'logic.unguardedComparison': {
    it: { what: '"{{operator}}" legge "{{name}}", che può restare senza risposta: una risposta mancante vale 0 nel confronto', fix: 'Proteggete il confronto: {"and": [{"!=": [{"var": "{{name}}"}, null]}, <il confronto>]}, oppure rendete il campo obbligatorio.' },
    en: { what: '"{{operator}}" reads "{{name}}", which may be unanswered: an unanswered value compares like 0 here', fix: 'Guard it: {"and": [{"!=": [{"var": "{{name}}"}, null]}, <the comparison>]}, or make the field required.' },
  },
  'rule.unknownField': {
    it: { what: '"{{name}}" non è un campo del servizio{{hint}}', fix: 'Usate il nome di un campo di data, con i punti tra le sezioni e $row. per i campi della stessa riga (es. richiedente.isee, $row.eta).' },
    en: { fix: 'Use the name of a field of data, with dots between sections and $row. for fields of the same row (e.g. richiedente.isee, $row.eta).' },
  },
  'rule.unknownCondition': {
    it: { what: '"{{name}}" non è una condizione del servizio', fix: 'Usate il nome di una condizione definita in "conditions", o aggiungetela lì.' },
    en: { fix: 'Use the name of a condition defined under "conditions", or add it there.' },
  },
  'rule.nestedCondition': { it: { what: 'Una condizione non può usarne un\'altra ("{{name}}")', fix: 'Scrivete per intero la condizione usata.' }, en: { fix: 'Write the condition used in full.' } },
  'rule.conditionInIteration': {
    it: { what: 'La condizione "{{name}}" è usata dentro map/filter/reduce/sum/count, dove i nomi sono quelli dell\'elemento', fix: 'Usatela fuori dall\'iterazione o scrivete il test per intero.' },
    en: { fix: 'Use it outside the iteration, or write the test in full.' },
  },
  'ranking.condition': { it: { what: 'La graduatoria non può usare una condizione con nome', fix: 'Scrivete qui il test per intero.' }, en: { fix: 'Write the test in full here.' } },
  'rule.unknownStep': { it: { what: 'Il passo "{{step}}" non esiste', fix: 'Usate l\'id di un passo di ui.steps.' }, en: { fix: 'Use the id of a step of ui.steps.' } },
  'rule.duplicateId': { it: { what: 'L\'id di regola "{{id}}" è usato due volte', fix: 'Date a ogni regola un id diverso.' }, en: { fix: 'Give every rule its own id.' } },
  'rule.duplicateCompute': { it: { what: '"{{name}}" è calcolato da più di una regola', fix: 'Unite i calcoli in una sola regola compute (con if per i casi).' }, en: { fix: 'Merge them into one compute rule (with if for the cases).' } },
  'rule.computeTarget': { it: { what: '"{{name}}" è una sezione o un gruppo, non si può calcolare', fix: 'Calcolate i suoi campi, uno per regola.' }, en: { fix: 'Compute its fields, one per rule.' } },
  'rule.cycle': {
    it: { what: 'Valori calcolati che dipendono da sé stessi: {{loop}}', fix: 'Rompete il giro: uno di questi campi deve essere calcolato da altri campi.' },
    en: { fix: 'Break the loop: one of these fields must be computed from other fields.' },
  },
  'rule.visibilityCycle': {
    it: { what: 'La regola decide se mostrare un campo a partire dal suo stesso valore: {{loop}}', fix: 'Decidete la visibilità da altri campi: un campo nascosto non è visto dalle regole.' },
    en: { fix: 'Decide visibility from other fields: a hidden field is not seen by rules.' },
  },
  'rule.rowOutsideGroup': { it: { what: '$row e $index valgono solo nelle regole sui campi di un gruppo ripetibile', fix: 'Mettete la regola su un campo del gruppo (es. "figli[].scuola") o leggete il campo per nome.' }, en: { fix: 'Put the rule on a field of the group (e.g. "figli[].scuola") or read the field by name.' } },
  'rule.excludedUnavailable': { it: { what: '$excluded non si può leggere qui', fix: 'Leggete $excluded solo da valori calcolati, tariffa, punteggio e criteri, fuori da map/filter/reduce.' }, en: { fix: 'Read $excluded only in computed values, the fee, the score and the keys, outside map/filter/reduce.' } },
  'step.unknownField': { it: { what: 'Il passo mostra "{{name}}", che non è un campo del servizio{{hint}}', fix: 'Usate il nome di un campo di data (o aggiungete il campo a data).' }, en: { fix: 'Use the name of a field of data (or add the field to data).' } },
  'step.rowField': { it: { what: '"{{name}}" appartiene alle righe del gruppo "{{group}}"', fix: 'Mettete nel passo il gruppo "{{group}}": porta con sé i suoi campi.' }, en: { fix: 'Place the group "{{group}}" in the step: it brings its fields.' } },
  'step.duplicateField': { it: { what: '"{{name}}" è in due passi', fix: 'Lasciate il campo in un solo passo.' }, en: { fix: 'Keep the field in one step.' } },
  'step.duplicateId': { it: { what: 'L\'id di passo "{{id}}" è usato due volte', fix: 'Date a ogni passo un id diverso.' }, en: { fix: 'Give every step its own id.' } },
  'ui.unknownField': { it: { what: 'Impostazioni per "{{name}}", che non è un campo del servizio{{hint}}', fix: 'Correggete il nome o togliete la voce da ui.fields.' }, en: { fix: 'Correct the name or remove the entry from ui.fields.' } },
  'ui.staticWithoutText': { it: { what: 'Il testo statico "{{name}}" non ha testo', fix: 'Aggiungete "text" con una chiave di traduzione.' }, en: { fix: 'Add "text" with a translation key.' } },
  'ui.unknownOption': { it: { what: '"{{value}}" non è uno dei valori di "{{name}}"', fix: 'Le chiavi di "options" sono i valori dell\'enum del campo.' }, en: { fix: 'The keys of "options" are the values of the field\'s enum.' } },
  'ui.widgetMismatch': {
    it: { what: 'Il widget "{{widget}}" non può compilare "{{name}}"', fix: 'Scegliete un widget adatto al tipo del campo (text per testo, number per numeri, yesno per sì/no, select per un elenco di valori, date per le date).' },
    en: { fix: 'Choose a widget that fits the field\'s type (text for text, number for numbers, yesno for yes/no, select for a list of values, date for dates).' },
  },
  'translation.missing': { it: { what: 'Manca la traduzione "{{language}}" di "{{key}}"', fix: 'Aggiungete "{{key}}" a translations.{{language}}.' }, en: { fix: 'Add "{{key}}" to translations.{{language}}.' } },
  'translation.noDefaultLanguage': { it: { what: 'Nessuna traduzione nella lingua predefinita "{{language}}"', fix: 'Aggiungete translations.{{language}} con tutti i testi.' }, en: { fix: 'Add translations.{{language}} with every text.' } },
  'prefill.unknownField': { it: { what: 'La precompilazione riempie "{{name}}", che non è un campo del servizio', fix: 'Usate il nome di un campo di data.' }, en: { fix: 'Use the name of a field of data.' } },
  'prefill.duplicate': { it: { what: '"{{name}}" è precompilato due volte', fix: 'Tenete una sola voce di prefill per campo.' }, en: { fix: 'Keep one prefill item per field.' } },
  'prefill.typeMismatch': { it: { what: 'La fonte "{{source}}" non può riempire "{{name}}"', fix: 'Scegliete una fonte del tipo del campo (un testo per un testo, un indirizzo per una sezione indirizzo).' }, en: { fix: 'Choose a source of the field\'s type (text for text, an address for an address section).' } },
  'prefill.rowField': { it: { what: '"{{name}}" è in un gruppo ripetibile', fix: 'Precompilate il gruppo da anpr.family con una "map".' }, en: { fix: 'Prefill the group from anpr.family with a "map".' } },
  'prefill.missingMap': { it: { what: 'anpr.family ha bisogno di una "map" dai campi della riga ai dati dei componenti', fix: 'Aggiungete "map", es. {"codiceFiscale": "fiscalCode"}.' }, en: { fix: 'Add "map", e.g. {"codiceFiscale": "fiscalCode"}.' } },
  'prefill.addressShape': { it: { what: '"{{name}}" non ha la proprietà "{{property}}" di un indirizzo ANPR', fix: 'Aggiungete "{{property}}" alla sezione.' }, en: { fix: 'Add "{{property}}" to the section.' } },
  'payment.unitMissing': {
    it: { what: 'Il pagamento non dice l\'unità del suo importo: è letto in centesimi (70 è 0,70 euro)', fix: 'Aggiungete all\'azione "unit": "euro" oppure "unit": "cents".' },
    en: { what: 'The payment does not say the unit of its amount: it is read as euro cents (70 is 0.70 euro)', fix: 'Add "unit": "euro" or "unit": "cents" to the action.' },
  },
  'fees.unitMissing': {
    it: { what: 'La tariffa non dice la sua unità: l\'importo è letto in centesimi (70 è 0,70 euro)', fix: 'Aggiungete "unit": "euro" oppure "unit": "cents".' },
    en: { what: 'The fee does not say its unit: its amount is read as euro cents (70 is 0.70 euro)', fix: 'Add "unit": "euro" or "unit": "cents".' },
  },
  'ranking.duplicateKey': { it: { what: 'L\'id di criterio "{{id}}" è usato due volte', fix: 'Date a ogni criterio un id diverso.' }, en: { fix: 'Give every key its own id.' } },
  'ranking.unknownField': { it: { what: '"{{name}}" non è un campo del servizio', fix: 'Usate un campo di data, "$office." e un campo d\'ufficio, o $submittedAt.' }, en: { fix: 'Use a field of data, "$office." and an office field, or $submittedAt.' } },
  'workflow.unknownState': { it: { what: 'Lo stato "{{state}}" non è dichiarato', fix: 'Aggiungetelo a workflow.states o correggete l\'id.' }, en: { fix: 'Add it to workflow.states or correct the id.' } },
  'workflow.duplicateState': { it: { what: 'Lo stato "{{state}}" è dichiarato due volte', fix: 'Tenete una sola dichiarazione per stato.' }, en: { fix: 'Keep one declaration per state.' } },
  'workflow.duplicateTransition': { it: { what: 'La transizione "{{id}}" è dichiarata due volte', fix: 'Date a ogni transizione un id diverso.' }, en: { fix: 'Give every transition its own id.' } },
  'workflow.unreachableState': { it: { what: 'Nessuna transizione porta allo stato "{{state}}"', fix: 'Aggiungete una transizione che ci arrivi, o togliete lo stato.' }, en: { fix: 'Add a transition reaching it, or remove the state.' } },
  'workflow.fromFinal': { it: { what: 'La transizione "{{id}}" parte da uno stato finale', fix: 'Togliete "final" dallo stato o la transizione.' }, en: { fix: 'Remove "final" from the state, or the transition.' } },
  'workflow.selfTransition': { it: { what: 'La transizione "{{id}}" va da uno stato a sé stesso', fix: 'Fate arrivare la transizione a un altro stato.' }, en: { fix: 'Make the transition reach another state.' } },
  'template.invalid': { it: { what: 'Il testo del messaggio non è un modello valido', fix: 'Chiudete ogni {{…}} e ogni sezione {{#…}}…{{/…}}; i segnaposto si scrivono come {{pratica.code}}.' }, en: { fix: 'Close every {{…}} and every section {{#…}}…{{/…}}; placeholders are written as {{pratica.code}}.' } },
  'template.unknownPlaceholder': { it: { what: 'Segnaposto sconosciuto "{{placeholder}}" nel testo del messaggio', fix: 'Usate i dati della pratica (pratica.code, pratica.protocolNumber, citizen.fullName, ente.name, service.title, ...) o answers.<campo>.' }, en: { fix: 'Use the pratica\'s data (pratica.code, pratica.protocolNumber, citizen.fullName, ente.name, service.title, ...) or answers.<field>.' } },
  'workflow.awaitsWithoutReply': {
    it: { what: 'Lo stato "{{state}}" attende una risposta del cittadino, ma nessuna transizione in uscita è del cittadino', fix: 'Aggiungete una transizione da questo stato con il ruolo "citizen", o togliete "awaits".' },
    en: { fix: 'Add a transition out of this state with the role "citizen", or remove "awaits".' },
  },
  'workflow.paymentWithoutFee': { it: { what: 'Una richiesta di pagamento ha bisogno di una tariffa', fix: 'Aggiungete "fees" al servizio o togliete l\'azione payment.' }, en: { fix: 'Add "fees" to the service or remove the payment action.' } },
  'workflow.appioSubjectLength': { it: { what: 'L\'oggetto del messaggio App IO in "{{language}}" ha {{length}} caratteri (ne servono 10-120)', fix: 'Riscrivete l\'oggetto tra 10 e 120 caratteri.' }, en: { fix: 'Rewrite the subject in 10-120 characters.' } },
  'workflow.appioBodyLength': { it: { what: 'Il testo del messaggio App IO in "{{language}}" ha {{length}} caratteri (ne servono 80-10.000)', fix: 'Riscrivete il testo tra 80 e 10.000 caratteri.' }, en: { fix: 'Rewrite the text in 80-10,000 characters.' } },
  internal: { it: { what: 'Errore interno del motore', fix: 'Non dipende da voi: segnalatelo allegando la definizione.' }, en: { fix: 'Not your doing: report it with the definition attached.' } },
};

/** What each pattern of the meta-schema accepts, in words (check-meta.ts names the patterns): a regular expression is no message. */
export const patternWords: Record<'it' | 'en', Record<string, string>> = {
  it: {
    version: 'una versione di tre numeri separati da punti, es. 1.0.0',
    slug: 'lettere minuscole e cifre, parole unite da "-", es. contributo-affitto',
    identifier: 'una lettera seguita da lettere, cifre o _, es. dataNascita',
    language: 'un codice di lingua, es. it, en, de o pt-BR',
    key: 'una chiave di traduzione: lettere, cifre e _ in parti unite da "." o "-", es. field.nome',
    fieldPath: 'un nome di campo: nomi (una lettera, poi lettere, cifre o _) uniti da "." per le sezioni, con "[]" dopo un gruppo ripetibile, es. richiedente.nome o figli[].eta',
    tieBreaker: 'un nome di campo, "$office." e un campo d\'ufficio, oppure $submittedAt',
  },
  en: {
    version: 'a version of three numbers joined by dots, e.g. 1.0.0',
    slug: 'lowercase letters and digits, words joined by "-", e.g. contributo-affitto',
    identifier: 'a letter followed by letters, digits or _, e.g. dataNascita',
    language: 'a language code, e.g. it, en, de or pt-BR',
    key: 'a translation key: letters, digits and _ in parts joined by "." or "-", e.g. field.nome',
    fieldPath: 'a field name: names (a letter, then letters, digits or _) joined by "." for sections, with "[]" after a repeating group, e.g. richiedente.nome or figli[].eta',
    tieBreaker: 'a field name, "$office." and an office field, or $submittedAt',
  },
};
