"""demo.json for each demo: titles, descriptions and the guided tour (German and English), with
the numbers measured by the build (selection rates, base rates, error rates, shares in the top 10 %).
The explanation steps name the features that scripts/demos/check_cli.py finds among the top drivers
with Einblick's own CLI; check_cli.py fails if they are not there.
"""


def de(x, digits=1):
    """0.4163 -> '41,6 %' (German number format)."""
    return ("%.*f %%" % (digits, 100.0 * x)).replace(".", ",")


def en(x, digits=1):
    """0.4163 -> '41.6%'"""
    return "%.*f%%" % (digits, 100.0 * x)


def ratio_de(x):
    return ("%.2f" % x).replace(".", ",")


def ratio_en(x):
    return "%.2f" % x


# ---------------------------------------------------------------- German credit

CREDIT_TEXT = {
    "gbm": {"title": {"de": "Kreditwürdigkeit: Gradient Boosting (German Credit)",
                      "en": "Creditworthiness: gradient boosting (German Credit)"},
            "model_de": "ein Gradient-Boosting-Modell (100 Entscheidungsbäume)",
            "model_dat_de": "einem Gradient-Boosting-Modell aus 100 Entscheidungsbäumen",
            "model_en": "a gradient boosting model (100 decision trees)"},
    "logreg": {"title": {"de": "Kreditwürdigkeit: logistische Regression (German Credit)",
                         "en": "Creditworthiness: logistic regression (German Credit)"},
               "model_de": "eine logistische Regression",
               "model_dat_de": "einer logistischen Regression",
               "model_en": "a logistic regression"},
}
# features that check_cli.py requires among the five largest mean |SHAP| values
CREDIT_TOP = {"gbm": ["CheckingAccountStatus", "Duration"], "logreg": ["CheckingAccountStatus", "Purpose"]}


def credit_demo_json(demo_id, kind, f):
    """demo.json of credit-gbm / credit-logreg from the measured facts f (see demo_credit.summary)."""
    t = CREDIT_TEXT[kind]
    sex, age = f["attributes"]["sex"]["all"], f["attributes"]["age_group"]["all"]
    ff_age = f["attributes"]["age_group"]["four_fifths_all"]
    top = CREDIT_TOP[kind]
    cross, ff_cross = f["attributes"]["sex+age_group"]["all"], f["attributes"]["sex+age_group"]["four_fifths_all"]
    lowest = min(cross, key=lambda v: cross[v]["selection_rate"])
    highest = max(cross, key=lambda v: cross[v]["selection_rate"])
    if (lowest, highest) != ("female+under_25", "male+25_plus") or ff_cross >= 0.8:
        raise AssertionError("the intersection step no longer describes the data: %s, %s, %.3f" % (lowest, highest, ff_cross))
    ff_sex = f["attributes"]["sex"]["four_fifths_all"]
    both_pass = ff_sex >= 0.8 and ff_age >= 0.8
    single_de = ", obwohl sex und age_group jeweils für sich die Regel erfüllen" if both_pass else ""
    single_en = ", although sex and age_group each pass it on their own" if both_pass else ""
    passes = {True: ("erfüllt", "passes"), False: ("nicht erfüllt", "fails")}
    tour = [
        {"de": "Vorhersagen: Für jede der 1000 Personen schätzt %s die Wahrscheinlichkeit, dass der Kredit "
               "zurückgezahlt wird (Class = Good). Ab 0,5 lautet die Vorhersage 'Good': das günstige Ergebnis. "
               "700 der Fälle dienten zum Training; auf ihnen wirkt jedes Modell besser als auf neuen Fällen."
               % t["model_de"],
         "en": "Predictions: for each of the 1000 people, %s estimates the probability that the loan is repaid "
               "(Class = Good). At 0.5 or above the prediction is 'Good', the favourable outcome. 700 of the cases "
               "were used for training; every model looks better on those than on new cases." % t["model_en"]},
        {"de": "Fairness nach sex: Frauen werden zu %s als 'Good' eingestuft, Männer zu %s. Vergleichen Sie das "
               "mit der Basisrate, dem Anteil tatsächlich guter Kredite: %s bei Frauen, %s bei Männern."
               % (de(sex["female"]["selection_rate"]), de(sex["male"]["selection_rate"]),
                  de(sex["female"]["base_rate"]), de(sex["male"]["base_rate"])),
         "en": "Fairness by sex: women are predicted 'Good' in %s of cases, men in %s. Compare this with the base "
               "rate, the share of loans that were actually good: %s for women, %s for men."
               % (en(sex["female"]["selection_rate"]), en(sex["male"]["selection_rate"]),
                  en(sex["female"]["base_rate"]), en(sex["male"]["base_rate"]))},
        {"de": "Fairness nach age_group: unter 25 Jahren %s 'Good', ab 25 Jahren %s. Das Verhältnis beträgt %s; die "
               "Vier-Fünftel-Regel (mindestens 0,80) ist %s. Aber auch die Basisraten unterscheiden sich (%s und "
               "%s): Eine Quote allein beweist keine Benachteiligung, schauen Sie auch auf die Fehlerraten "
               "(TPR, FPR) und die Unsicherheitsintervalle der kleinen Gruppe."
               % (de(age["under_25"]["selection_rate"]), de(age["25_plus"]["selection_rate"]), ratio_de(ff_age),
                  passes[ff_age >= 0.8][0], de(age["under_25"]["base_rate"]), de(age["25_plus"]["base_rate"])),
         "en": "Fairness by age_group: under 25, %s 'Good'; 25 and over, %s. The ratio is %s, so the four-fifths "
               "rule (at least 0.80) %s. But the base rates differ too (%s and %s): a rate alone does not prove "
               "discrimination; look at the error rates (TPR, FPR) and at the intervals of the small group."
               % (en(age["under_25"]["selection_rate"]), en(age["25_plus"]["selection_rate"]), ratio_en(ff_age),
                  passes[ff_age >= 0.8][1], en(age["under_25"]["base_rate"]), en(age["25_plus"]["base_rate"]))},
        {"de": "Schnittmenge sex+age_group: Frauen unter 25 werden zu %s als 'Good' eingestuft, Männer ab 25 zu %s. "
               "Das Verhältnis %s verletzt die Vier-Fünftel-Regel%s. Wer nur ein Merkmal nach dem anderen prüft, "
               "übersieht solche Unterschiede."
               % (de(cross["female+under_25"]["selection_rate"]), de(cross["male+25_plus"]["selection_rate"]),
                  ratio_de(ff_cross), single_de),
         "en": "Intersection sex+age_group: women under 25 are predicted 'Good' in %s of cases, men 25 and over in %s. "
               "The ratio of %s fails the four-fifths rule%s. Checking one attribute at a time misses such "
               "differences."
               % (en(cross["female+under_25"]["selection_rate"]), en(cross["male+25_plus"]["selection_rate"]),
                  ratio_en(ff_cross), single_en)},
        {"de": "Erklärungen: Öffnen Sie einen einzelnen Fall und dann die Übersicht über alle Fälle. Welche Merkmale "
               "bewegen die Vorhersage am stärksten? Bei diesem Modell gehören %s und %s dazu." % (top[0], top[1]),
         "en": "Explanations: open a single case, then the overview of all cases. Which features move the "
               "prediction most? For this model, %s and %s are among them." % (top[0], top[1])},
        {"de": "Geschützte Merkmale als Eingabe: Personal (laut Datensatzbeschreibung Geschlecht und Familienstand) und Age (Alter) sind selbst "
               "Eingaben des Modells, ebenso ForeignWorker. Schauen Sie, wie stark sie die Vorhersagen bewegen. "
               "Das Allgemeine Gleichbehandlungsgesetz verbietet Benachteiligung wegen Geschlecht und Alter; auch "
               "ohne diese Spalten könnten andere Merkmale als Stellvertreter wirken.",
         "en": "Protected attributes as inputs: Personal (sex and marital status, as the data set describes it) and Age are model inputs, and so "
               "is ForeignWorker. Look at how much they move the predictions. German anti-discrimination law (AGG) "
               "forbids disadvantage because of sex or age; even without these columns, other features could act "
               "as proxies."},
    ]
    return {
        "id": demo_id,
        "title": t["title"],
        "description": {
            "de": "Öffentlicher Datensatz Statlog German Credit (1000 Kreditanträge, UCI, CC BY 4.0) mit %s als "
                  "scikit-learn-Pipeline (One-Hot-Kodierung im Modell). Geschützte Merkmale: sex und age_group."
                  % t["model_dat_de"],
            "en": "Public dataset Statlog German Credit (1000 loan applications, UCI, CC BY 4.0) with %s as a "
                  "scikit-learn pipeline (one-hot encoding inside the model). Protected attributes: sex and "
                  "age_group." % t["model_en"]},
        "model": "model.onnx",
        "data": "data.csv",
        "outcome": {"column": "Class", "positive": "Good", "favourable": "Good"},
        "protected": ["sex", "age_group"],
        "intersect": ["sex+age_group"],
        "features": None,
        "threshold": f["threshold"],
        # log-odds: tree and linear SHAP are exact and quick for boosted and logistic models
        "space": "logit",
        "tour": tour,
    }


# ---------------------------------------------------------------- Arbeitsschutz

AS_TOP = 3   # check_cli.py requires the proxy (Stadtteil) among this many largest mean |SHAP| values


def arbeitsschutz_demo_json(demo_id, f):
    """demo.json of the arbeitsschutz demo from the measured facts f (see demo_arbeitsschutz)."""
    m = f["model"]
    own = m["attributes"]["Inhaber_Staatsangehoerigkeit"]
    g, ff = own["groups"], own["four_fifths"]
    nd, dd = g["nicht deutsch"], g["deutsch"]
    top = m["top_k"]["Inhaber_Staatsangehoerigkeit"]
    tnd = top["groups"]["nicht deutsch"]
    size = m["attributes"]["Betriebsgroesse"]["groups"]
    small, big = size["Kleinbetrieb (1-9)"], size["Grossbetrieb (50+)"]
    ev = f["data"]["evaluation"]
    focus_nd = ev["share_focus_by_owner"]["nicht deutsch"]
    hist = f["data"]["history"]
    tour = [
        {"de": "Vorhersagen: Für 3000 Betriebe schätzt das Modell die Wahrscheinlichkeit, dass bei einer "
               "Besichtigung ein Mangel festgestellt wird (Mangel_festgestellt = ja). Betriebe ab 0,5 werden "
               "besichtigt (%s aller Betriebe); alternativ die obersten 10 %% der Rangliste."
               % de(m["selection_rate"]),
         "en": "Predictions: for 3000 companies the model estimates the probability that an inspection finds a "
               "defect (Mangel_festgestellt = ja). Companies at 0.5 or above are inspected (%s of all); "
               "alternatively the top 10%% of the ranking." % en(m["selection_rate"])},
        {"de": "Fairness nach Inhaber_Staatsangehoerigkeit: Betriebe mit nicht-deutschen Inhabern werden zu %s "
               "ausgewählt, mit deutschen zu %s. Der tatsächliche Mangelanteil (Basisrate) unterscheidet sich "
               "dagegen nur wenig: %s und %s. Nicht ausgewählt zu werden ist hier das günstige Ergebnis; das Verhältnis %s verletzt "
               "die Vier-Fünftel-Regel (mindestens 0,80)."
               % (de(nd["selection_rate"]), de(dd["selection_rate"]), de(nd["base_rate"]), de(dd["base_rate"]),
                  ratio_de(ff)),
         "en": "Fairness by Inhaber_Staatsangehoerigkeit (owner's nationality): companies with non-German owners are "
               "selected in %s of cases, German-owned ones in %s. Yet the true defect rate (base rate) differs only "
               "a little: %s and %s. Not being selected is the favourable outcome here; the ratio of %s fails the "
               "four-fifths rule (at least 0.80)."
               % (en(nd["selection_rate"]), en(dd["selection_rate"]), en(nd["base_rate"]), en(dd["base_rate"]),
                  ratio_en(ff))},
        {"de": "Fehlerraten: Von den Betrieben ohne Mangel werden %s der nicht-deutschen, aber nur %s der deutschen "
               "trotzdem ausgewählt (Falsch-Positiv-Rate, FPR). Unnötige Kontrollen treffen vor allem eine Gruppe."
               % (de(nd["fpr"]), de(dd["fpr"])),
         "en": "Error rates: among companies without a defect, %s of the non-German-owned but only %s of the "
               "German-owned are selected anyway (false positive rate, FPR). Unnecessary inspections hit one group "
               "above all." % (en(nd["fpr"]), en(dd["fpr"]))},
        {"de": "Rangliste: Unter den obersten 10 %% (%d Betriebe) haben %s nicht-deutsche Inhaber, in der "
               "Gesamtheit nur %s." % (top["k"], de(tnd["selection_share"]), de(tnd["population_share"])),
         "en": "Ranking: among the top 10%% (%d companies), %s have non-German owners, against %s of all companies."
               % (top["k"], en(tnd["selection_share"]), en(tnd["population_share"]))},
        {"de": "Zum Vergleich Betriebsgroesse: Großbetriebe werden zu %s ausgewählt, Kleinbetriebe zu %s. Hier "
               "unterscheiden sich aber auch die tatsächlichen Mängel (%s und %s): Ein Unterschied in der "
               "Auswahlquote allein ist noch kein Beleg für eine Benachteiligung."
               % (de(big["selection_rate"]), de(small["selection_rate"]), de(big["base_rate"]), de(small["base_rate"])),
         "en": "For comparison, Betriebsgroesse (company size): large companies are selected in %s of cases, small "
               "ones in %s. Here the true defect rates differ as well (%s and %s): a difference in selection rates "
               "alone is no proof of discrimination."
               % (en(big["selection_rate"]), en(small["selection_rate"]), en(big["base_rate"]), en(small["base_rate"]))},
        {"de": "Erklärungen: Welche Merkmale treiben die Werte? In der Übersicht über alle Fälle gehört Stadtteil "
               "zu den drei stärksten, neben Unfallmeldungen_3J. In diesen Daten hat der Stadtteil auf das "
               "tatsächliche Risiko aber keinerlei Einfluss.",
         "en": "Explanations: which features drive the scores? In the overview of all cases, Stadtteil (district) "
               "is among the three strongest, next to Unfallmeldungen_3J (accident reports). In these data, the "
               "district has no influence at all on the true risk."},
        {"de": "Der Stellvertreter: Nordstadt und Hafenviertel erhöhen den Wert. Dort liegen %s der Betriebe mit "
               "nicht-deutschen Inhabern. Das Modell kennt die Staatsangehörigkeit nicht, lernt sie aber über den "
               "Stadtteil mit: Es wurde auf Kontrollberichten 2019-2023 trainiert, und in diesen beiden "
               "Schwerpunktgebieten wurden Kleinigkeiten als Mangel protokolliert: dort %s Mängel in den Berichten, "
               "sonst %s, bei fast gleichem tatsächlichem Risiko (%s und %s). Sehen Sie selbst: Wählen Sie bei "
               "„Wie hängt die Wirkung einer Spalte von ihrem Wert ab?“ die Spalte Stadtteil und färben Sie nach "
               "Inhaber_Staatsangehoerigkeit."
               % (de(focus_nd), de(hist["label_rate_focus"]), de(hist["label_rate_other"]),
                  de(hist["true_rate_focus"]), de(hist["true_rate_other"])),
         "en": "The proxy: Nordstadt and Hafenviertel raise the score. %s of the companies with non-German owners "
               "are there. The model never sees nationality but learns it through the district: it was trained on "
               "inspection records from 2019-2023, and in these two focus districts minor findings were recorded "
               "as defects: %s defects in the records there, %s elsewhere, at almost the same true risk (%s and %s). "
               "See for yourself: under “How does a column’s effect depend on its value?” choose the column "
               "Stadtteil and colour by Inhaber_Staatsangehoerigkeit."
               % (en(focus_nd), en(hist["label_rate_focus"]), en(hist["label_rate_other"]),
                  en(hist["true_rate_focus"]), en(hist["true_rate_other"]))},
    ]
    return {
        "id": demo_id,
        "title": {"de": "Arbeitsschutz: Welche Betriebe zuerst besichtigen? (synthetisch)",
                  "en": "Occupational safety: which companies to inspect first? (synthetic)"},
        "description": {
            "de": "Erfundene Daten über 3000 Betriebe einer fiktiven Stadt und ein Gradient-Boosting-Modell, das "
                  "Betriebe für Arbeitsschutz-Besichtigungen auswählt. In die Trainingsdaten ist absichtlich eine "
                  "Verzerrung eingebaut, die über den Stadtteil wirkt. Finden Sie sie.",
            "en": "Invented data on 3000 companies in a fictional city and a gradient boosting model that picks "
                  "companies for occupational-safety inspections. A bias that works through the district was "
                  "planted in the training data on purpose. Find it."},
        "model": "model.onnx",
        "data": "data.csv",
        "outcome": {"column": "Mangel_festgestellt", "positive": "ja", "favourable": "nein"},
        "protected": ["Inhaber_Staatsangehoerigkeit", "Betriebsgroesse"],
        "features": None,
        "threshold": m["threshold"],
        "top_k": ["10%"],
        "space": "logit",
        "tour": tour,
    }
