"""The lists shipped with Feltmappe (docs/domain.md "Lists"), used until an admin replaces one.

`company_types`: the 21 sections of Danmarks Statistik's industry code DB07 (Dansk
Branchekode 2007), with their Danish names. `job_functions`: common job functions of the
sources' placements and job orders.
"""

DB07_SECTIONS = [
    ("a", "Landbrug, jagt, skovbrug og fiskeri"),
    ("b", "Råstofindvinding"),
    ("c", "Fremstillingsvirksomhed"),
    ("d", "Energiforsyning"),
    ("e", "Vandforsyning og renovation"),
    ("f", "Bygge- og anlægsvirksomhed"),
    ("g", "Handel"),
    ("h", "Transport og godshåndtering"),
    ("i", "Hoteller og restauranter"),
    ("j", "Information og kommunikation"),
    ("k", "Finansiering og forsikring"),
    ("l", "Fast ejendom"),
    ("m", "Liberale, videnskabelige og tekniske tjenesteydelser"),
    ("n", "Administrative tjenesteydelser og hjælpetjenester"),
    ("o", "Offentlig administration, forsvar og socialsikring"),
    ("p", "Undervisning"),
    ("q", "Sundhed og socialvæsen"),
    ("r", "Kultur, forlystelser og sport"),
    ("s", "Andre serviceydelser"),
    ("t", "Private husholdninger med ansat medhjælp"),
    ("u", "Eksterritoriale organisationer og organer"),
]

JOB_FUNCTIONS = [
    ("lager_logistik", "Lager og logistik"), ("rengoering", "Rengøring"),
    ("koekken", "Køkken"), ("butik_salg", "Butik og salg"),
    ("pleje_omsorg", "Pleje og omsorg"), ("chauffoer", "Chauffør"),
    ("haandvaerk", "Håndværk"), ("kontor_administration", "Kontor og administration"),
    ("produktion", "Produktion"), ("bygge_anlaeg", "Bygge og anlæg"),
    ("paedagogisk_arbejde", "Pædagogisk arbejde"), ("landbrug_gartneri", "Landbrug og gartneri"),
    ("servering", "Servering og café"), ("kantine", "Kantine"),
    ("ejendomsservice", "Ejendomsservice og pedel"), ("park_vej", "Park og vej"),
    ("it_support", "IT og support"), ("kundeservice", "Kundeservice og callcenter"),
    ("reception", "Reception"), ("metal_smed", "Metal og smed"),
    ("mekaniker", "Mekaniker og værksted"), ("elektriker", "El og elektriker"),
    ("maler", "Maler"), ("toemrer_snedker", "Tømrer og snedker"),
    ("foedevarer", "Fødevarer og slagteri"), ("bager", "Bager"),
    ("frisoer", "Frisør og skønhed"), ("vagt_sikkerhed", "Vagt og sikkerhed"),
    ("genbrug_affald", "Genbrug og affald"), ("flytning_montage", "Flytning og montage"),
    ("bud_post", "Bud og post"),
]

DEFAULT_LISTS = {
    "company_types": [{"id": f"db07_{code}", "label": label, "retired": False}
                      for code, label in DB07_SECTIONS],
    "job_functions": [{"id": key, "label": label, "retired": False}
                      for key, label in JOB_FUNCTIONS],
}
