"""Synthetic companies for the 'arbeitsschutz' demo: which companies should the occupational
safety authority (Arbeitsschutzbehoerde / Gewerbeaufsicht) of a fictional city inspect first?

Everything is invented and seeded with numpy's legacy RandomState (its streams are frozen across
numpy versions). Two tables are drawn from the same population of companies:

- the HISTORY (6000 rows, seed SEED_HISTORY): inspection records 2019-2023 that the model is
  trained on. Its label 'Mangel_festgestellt' is what inspectors RECORDED, and that is where the
  planted bias is. The two districts Nordstadt and Hafenviertel were 'Schwerpunktgebiete': their
  companies were visited more often (each focus-district company is FOCUS_WEIGHT_HISTORY = 2
  times as likely to appear in the records) and minor findings were written up as defects: the
  recorded label is 'ja' whenever the true outcome is 'ja', and in a focus district also, with
  probability BIAS_EXTRA = 0.35, when the true outcome is 'nein'.
- the EVALUATION sample (3000 rows, seed SEED_EVAL, data.csv): a standardised 2024 campaign in
  which randomly chosen companies were all inspected with the same checklist. Its label is the
  TRUE outcome.

The true outcome never depends on the district (Stadtteil) or on the owner's nationality
(Inhaber_Staatsangehoerigkeit). But nationality, which is NOT a model input, is tied to the
district, which IS one: P(nicht deutsch | district) is 0.55 in Nordstadt and 0.60 in Hafenviertel
and 0.08-0.20 elsewhere. A model trained on the history learns 'Stadtteil' as a risk factor and,
through it, scores companies with non-German owners higher than their true risk.

Generating process per company (in this order, one RandomState per table):
  Stadtteil ~ DISTRICT_P (history: focus districts weighted by 2, renormalised)
  Inhaber_Staatsangehoerigkeit = 'nicht deutsch' with NON_GERMAN_P[Stadtteil]
  Branche ~ SECTOR_P[Inhaber_Staatsangehoerigkeit]
  Beschaeftigte = clip(round(MEDIAN_SIZE[Branche] * exp(0.9 e)), 1, 800), e ~ N(0, 1)
  Betriebsalter_Jahre = clip(floor(Exponential(mean 15)), 0, 80)
  Anteil_Leiharbeit_Prozent = round(100 * Beta(1.2, 1.2 (1 - m) / m), 1), m = AGENCY_MEAN[Branche]
  Sicherheitsfachkraft = 'ja' with logistic(-1 + 0.9 ln Beschaeftigte)
  Jahre_seit_letzter_Besichtigung = min(Geometric(0.22), 15)
  u ~ N(0, 1): the unobserved safety culture (not in the data)
  Unfallmeldungen_3J ~ Poisson(3 Beschaeftigte ACCIDENT_RATE[Branche] exp(ACC_U u) (1.3 if no Sifa))
  Beschwerden_3J ~ Poisson(0.15 + 0.3 exp(COMPL_U u) (Beschaeftigte / 20)^0.3)
  true defect ~ Bernoulli(logistic(true_logit)), see true_logit()
  recorded label: history as above; evaluation = true defect

Example: draw(3000, SEED_EVAL, history=False)['Mangel_festgestellt'][:3] -> array(['nein', ...])
"""

import numpy as np

SEED_EVAL = 20240501
SEED_HISTORY = 20190101
N_EVAL = 3000
N_HISTORY = 6000

DISTRICTS = ["Altstadt", "Neustadt", "Weststadt", "Gewerbepark", "Nordstadt", "Hafenviertel"]
DISTRICT_P = [0.16, 0.18, 0.18, 0.16, 0.16, 0.16]
FOCUS = ("Nordstadt", "Hafenviertel")   # the historical 'Schwerpunktgebiete'
FOCUS_WEIGHT_HISTORY = 2.0              # their companies are twice as frequent in the records
NON_GERMAN_P = {"Altstadt": 0.20, "Neustadt": 0.10, "Weststadt": 0.08, "Gewerbepark": 0.10,
                "Nordstadt": 0.55, "Hafenviertel": 0.60}
OWNER = ("deutsch", "nicht deutsch")

SECTORS = ["Bau", "Metall", "Logistik", "Gastronomie", "Einzelhandel", "Reinigung", "Pflege",
           "Dienstleistung"]
SECTOR_P = {"deutsch": [0.15, 0.14, 0.12, 0.10, 0.16, 0.07, 0.10, 0.16],
            "nicht deutsch": [0.14, 0.08, 0.12, 0.20, 0.18, 0.10, 0.06, 0.12]}
MEDIAN_SIZE = {"Bau": 12, "Metall": 30, "Logistik": 25, "Gastronomie": 8, "Einzelhandel": 10,
               "Reinigung": 20, "Pflege": 35, "Dienstleistung": 12}
# reportable accidents per employee and year (before the safety-culture factor)
ACCIDENT_RATE = {"Bau": 0.055, "Metall": 0.040, "Logistik": 0.045, "Gastronomie": 0.030,
                 "Einzelhandel": 0.015, "Reinigung": 0.030, "Pflege": 0.030, "Dienstleistung": 0.008}
AGENCY_MEAN = {"Bau": 0.10, "Metall": 0.12, "Logistik": 0.20, "Gastronomie": 0.05, "Einzelhandel": 0.05,
               "Reinigung": 0.15, "Pflege": 0.08, "Dienstleistung": 0.04}
# sector effect on the log-odds of a serious defect
SECTOR_RISK = {"Bau": 0.9, "Metall": 0.6, "Logistik": 0.5, "Gastronomie": 0.3, "Einzelhandel": -0.3,
               "Reinigung": 0.2, "Pflege": 0.0, "Dienstleistung": -0.8}
INTERCEPT = -2.6
U_COEF = 0.6        # weight of the unobserved safety culture in the true risk
ACC_U = 0.8         # ... in the accident rate
COMPL_U = 0.8       # ... in the complaint rate
BIAS_EXTRA = 0.35   # P(recorded 'ja' | true 'nein') in the focus districts, history only

SIZE_CLASSES = [(1, "Kleinbetrieb (1-9)"), (10, "Mittelbetrieb (10-49)"), (50, "Grossbetrieb (50+)")]


def _logistic(z):
    return 1.0 / (1.0 + np.exp(-z))


def true_logit(d):
    """Log-odds of a serious defect at a standardised inspection (the TRUE risk). Neither the
    district nor the owner's nationality appears:

    z = -2.6 + SECTOR_RISK[Branche] + 0.25 ln(Beschaeftigte) + 0.6 u
        + 0.8 [Sicherheitsfachkraft = nein] + 0.03 Anteil_Leiharbeit_Prozent
        + 0.08 min(Jahre_seit_letzter_Besichtigung, 10) - 0.01 min(Betriebsalter_Jahre, 40)
    """
    return (INTERCEPT + np.array([SECTOR_RISK[s] for s in d["Branche"]])
            + 0.25 * np.log(d["Beschaeftigte"]) + U_COEF * d["u"]
            + 0.8 * (d["Sicherheitsfachkraft"] == "nein") + 0.03 * d["Anteil_Leiharbeit_Prozent"]
            + 0.08 * np.minimum(d["Jahre_seit_letzter_Besichtigung"], 10)
            - 0.01 * np.minimum(d["Betriebsalter_Jahre"], 40))


def size_class(n_employees):
    """'Kleinbetrieb (1-9)' / 'Mittelbetrieb (10-49)' / 'Grossbetrieb (50+)'. Example: size_class(12)"""
    label = SIZE_CLASSES[0][1]
    for lower, name in SIZE_CLASSES:
        if n_employees >= lower:
            label = name
    return label


def _district_and_owner(rng, n, history):
    p = np.array(DISTRICT_P) * np.array([FOCUS_WEIGHT_HISTORY if (history and x in FOCUS) else 1.0
                                         for x in DISTRICTS])
    district = np.array(DISTRICTS, dtype=object)[rng.choice(len(DISTRICTS), size=n, p=p / p.sum())]
    non_german = rng.rand(n) < np.array([NON_GERMAN_P[x] for x in district])
    return district, np.where(non_german, OWNER[1], OWNER[0]).astype(object)


def _sector(rng, owner):
    sector = np.empty(len(owner), dtype=object)
    for o in OWNER:
        idx = np.where(owner == o)[0]
        sector[idx] = np.array(SECTORS, dtype=object)[rng.choice(len(SECTORS), size=len(idx), p=SECTOR_P[o])]
    return sector


def draw(n, seed, history):
    """Draw n companies (dict of numpy arrays, plus the hidden 'u', 'p_true' and 'true_defect').
    history=True: focus districts twice as frequent and the recorded (biased) label;
    history=False: the evaluation sample with the true label."""
    rng = np.random.RandomState(seed)
    district, owner = _district_and_owner(rng, n, history)
    sector = _sector(rng, owner)
    med = np.array([MEDIAN_SIZE[s] for s in sector], dtype=float)
    size = np.clip(np.round(med * np.exp(0.9 * rng.randn(n))), 1, 800).astype(np.int64)
    age = np.clip(np.floor(rng.exponential(15.0, size=n)), 0, 80).astype(np.int64)
    m = np.array([AGENCY_MEAN[s] for s in sector])
    agency = np.round(100.0 * rng.beta(1.2, 1.2 * (1 - m) / m), 1)
    sifa = np.where(rng.rand(n) < _logistic(-1.0 + 0.9 * np.log(size)), "ja", "nein").astype(object)
    since = np.minimum(rng.geometric(0.22, size=n), 15).astype(np.int64)
    u = rng.randn(n)
    rate = np.array([ACCIDENT_RATE[s] for s in sector]) * np.exp(ACC_U * u) * np.where(sifa == "nein", 1.3, 1.0)
    accidents = rng.poisson(3.0 * size * rate).astype(np.int64)
    complaints = rng.poisson(0.15 + 0.3 * np.exp(COMPL_U * u) * (size / 20.0) ** 0.3).astype(np.int64)
    d = {"Stadtteil": district, "Branche": sector, "Beschaeftigte": size, "Betriebsalter_Jahre": age,
         "Anteil_Leiharbeit_Prozent": agency, "Sicherheitsfachkraft": sifa,
         "Jahre_seit_letzter_Besichtigung": since, "Unfallmeldungen_3J": accidents,
         "Beschwerden_3J": complaints, "Inhaber_Staatsangehoerigkeit": owner, "u": u}
    d["p_true"] = _logistic(true_logit(d))
    truth = rng.rand(n) < d["p_true"]
    extra = rng.rand(n) < BIAS_EXTRA
    recorded = truth | (extra & np.isin(district, FOCUS)) if history else truth
    d["true_defect"] = truth
    d["Mangel_festgestellt"] = np.where(recorded, "ja", "nein").astype(object)
    d["Betriebsgroesse"] = np.array([size_class(v) for v in size], dtype=object)
    return d
