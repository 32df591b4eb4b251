"""Who and where in the demo data (server/demo/data.py): teams, users, towns, industries,
companies and name pools. Everything here is fictitious; citizens' surnames are invented.
"""

EMAIL_DOMAIN = "fjordby.example"

TEAMS = [("nord", "Virksomhedsservice Nord"), ("syd", "Virksomhedsservice Syd")]

# (username, display name, role, team key); the password is demo-<username>-2026.
USERS = [
    ("lene", "Lene Bach", "lead", "nord"),
    ("anne", "Anne Kristensen", "consultant", "nord"),
    ("bo", "Bo Lauridsen", "consultant", "nord"),
    ("camilla", "Camilla Juhl", "consultant", "nord"),
    ("david", "David Østergaard", "consultant", "nord"),
    ("morten", "Morten Ravn", "lead", "syd"),
    ("emma", "Emma Holt", "consultant", "syd"),
    ("frederik", "Frederik Munk", "consultant", "syd"),
    ("gitte", "Gitte Skov", "consultant", "syd"),
    ("admin", "Ida Winther", "admin", "nord"),
]

TOWNS = {
    "nord": [
        ("7100", "Vejle"), ("7120", "Vejle Øst"), ("7080", "Børkop"), ("7130", "Juelsminde"),
        ("7140", "Stouby"), ("7160", "Tørring"), ("7171", "Uldum"), ("7173", "Vonge"),
        ("7182", "Bredsten"), ("7300", "Jelling"), ("7321", "Gadbjerg"), ("7323", "Give"),
    ],
    "syd": [
        ("6000", "Kolding"), ("7000", "Fredericia"), ("6051", "Almind"), ("6052", "Viuf"),
        ("6070", "Christiansfeld"), ("6091", "Bjert"), ("6093", "Sjølund"), ("6094", "Hejls"),
        ("6580", "Vamdrup"), ("6600", "Vejen"), ("6640", "Lunderskov"),
        ("6092", "Sønder Stenderup"),
    ],
}
PHONE_PREFIX = {"nord": "75", "syd": "76"}

STREETS = [
    "Industrivej", "Håndværkervej", "Fabriksvej", "Erhvervsvej", "Vestergade", "Østergade",
    "Nørregade", "Søndergade", "Jernbanegade", "Stationsvej", "Havnegade", "Smedevej",
    "Savværksvej", "Transportvej", "Mølleparken", "Kirkevej", "Hovedgaden", "Fjordvej",
]

# Industry key → label, work functions (name, tasks), job titles (wish, good, necessary job)
# and one sentence of what the consultant knows about such a company.
INDUSTRIES = {
    "byg": ("Byggeri og anlæg", [
        ("Oprydning på byggepladsen", "Sortering af affald, fejning, klargøring af containere"),
        ("Materialehåndtering", "Modtagelse af materialer, bæring og opstabling, optælling"),
        ("Hjælp til montage", "Hjælpe svende med gips, lister og isolering"),
    ], ("Tømrerarbejdsmand", "Lagerarbejder", "Byggepladsmedhjælper"),
        ("Virksomheden bygger om og renoverer for private og boligforeninger. Ordrebogen er fuld "
        "et halvt år frem, og de mangler hænder til klargøring og oprydning.")),
    "detail": ("Detailhandel", [
        ("Varepåfyldning", "Fylde hylder op, tjekke datoer, facing af varer"),
        ("Kasseekspedition", "Betjene kassen, hjælpe kunder, håndtere pant"),
        ("Varemodtagelse", "Modtage paller, tjekke følgesedler, sætte varer på plads"),
    ], ("Butiksassistent", "Lagermedarbejder", "Varepåfylder"),
        ("Butikken har åbent alle ugens dage og har svært ved at dække aften- og weekendvagter. "
        "De rekrutterer mest via opslag i butikken og anbefalinger fra personalet.")),
    "pleje": ("Ældrepleje", [
        ("Køkken og servering", "Anrette morgenmad, servere kaffe, opvask"),
        ("Rengøring", "Rengøring af fællesarealer, tøjvask, oprydning"),
        ("Aktiviteter med beboere", "Gåture, spil og højtlæsning sammen med personalet"),
    ], ("Social- og sundhedshjælper", "Serviceassistent", "Køkkenmedhjælper"),
        ("Plejecentret har 48 boliger og mangler faglært personale. Ledelsen vil gerne aflaste "
        "sosu-personalet med servicefunktioner, så de kan bruge tiden på pleje.")),
    "restaurant": ("Hotel og restauration", [
        ("Opvask", "Opvask, sortering af service, rengøring af køkken"),
        ("Buffet og anretning", "Sætte buffet op, fylde op, rydde af"),
        ("Smørrebrød", "Smøre og pynte smørrebrød efter køkkenchefens anvisning"),
    ], ("Kok", "Køkkenassistent", "Opvasker"),
        ("Stedet har travlt i sommerhalvåret og til selskaber. De har svært ved at fastholde "
        "ufaglærte i køkkenet og vil gerne have hjælp til at finde stabile medarbejdere.")),
    "lager": ("Lager og logistik", [
        ("Pluk og pak", "Plukke ordrer efter scanner, pakke og mærke kolli"),
        ("Varemodtagelse", "Tømme containere, tjekke varer, registrere i lagersystemet"),
        ("Truckkørsel", "Flytte paller med palleløfter og gaffeltruck (kræver certifikat)"),
    ], ("Truckfører", "Lagermedarbejder", "Pakkemedarbejder"),
        ("Lageret kører i to skift og vokser med nye webshopkunder. Der er sæsontoppe op til "
        "jul, hvor de tager vikarer ind.")),
    "metal": ("Metal- og maskinindustri", [
        ("Klargøring af emner", "Afgratning, rengøring og sortering af emner"),
        ("Maskinpasning", "Fylde emner i maskinen, kontrollere mål, tømme maskinen"),
        ("Kvalitetskontrol", "Måle emner med skydelære, registrere fejl, sortere kassation"),
    ], ("Industritekniker", "Maskinoperatør", "Produktionsmedarbejder"),
        ("Virksomheden producerer stålemner til landbrugsmaskiner, halvdelen går til eksport. "
        "De mangler faglærte og vil gerne opkvalificere ufaglærte medarbejdere.")),
    "groen": ("Grønne områder", [
        ("Græsslåning", "Slå græs med rider og trimmer, rive op"),
        ("Hække og bede", "Klippe hække, luge, plante"),
        ("Renholdelse", "Tømme affaldsspande, samle affald, feje stier"),
    ], ("Anlægsgartner", "Gartneriarbejder", "Park- og vejmedarbejder"),
        ("Firmaet passer grønne områder for boligforeninger og erhverv. Højsæsonen er april til "
        "oktober, og vinteren bruges på snerydning og beskæring.")),
    "rengoering": ("Rengøring og service", [
        ("Kontorrengøring", "Støvsugning, aftørring, tømning af skraldespande"),
        ("Trappevask", "Vask af trapper og opgange i boligforeninger"),
        ("Vinduespudsning", "Pudsning af vinduer i stueetagen"),
    ], ("Serviceleder", "Rengøringsassistent", "Rengøringsmedhjælper"),
        ("Rengøringsfirmaet har mange små kunder og kører i biler mellem opgaverne. De har brug "
        "for medarbejdere, der kan møde tidligt og arbejde selvstændigt.")),
    "auto": ("Autoværksted", [
        ("Dækskifte", "Skifte og afbalancere dæk, opbevare dæk i dækhotellet"),
        ("Klargøring af biler", "Vask og indvendig rengøring af biler"),
        ("Værkstedsorden", "Oprydning, rengøring af værktøj, bortskaffelse af olie"),
    ], ("Mekaniker", "Klargører", "Værkstedsmedhjælper"),
        ("Værkstedet er et mærkeværksted med 12 mekanikere. Dæksæsonerne forår og efterår giver "
        "travlhed, og de vil gerne have en fast klargører.")),
    "foedevarer": ("Fødevareproduktion", [
        ("Pakning", "Pakke færdigvarer, etikettere, stable kasser"),
        ("Rengøring af produktionslinje", "Rengøre maskiner efter hygiejneplanen"),
        ("Råvarehåndtering", "Afveje og klargøre råvarer til produktionen"),
    ], ("Procesoperatør", "Produktionsmedarbejder", "Pakkeriarbejder"),
        ("Virksomheden producerer til supermarkedskæder i hele landet og har strenge "
        "hygiejnekrav. De vil gerne have kandidater, der kan arbejde i kølerum.")),
    "kontor": ("Kontor og administration", [
        ("Scanning og arkivering", "Scanne bilag, navngive filer, arkivere"),
        ("Reception", "Tage imod gæster, besvare telefon, bestille mødeforplejning"),
        ("Posthåndtering", "Åbne og fordele post, sende pakker"),
    ], ("Bogholder", "Kontorassistent", "Kontormedhjælper"),
        ("Kontoret servicerer mindre virksomheder med bogføring og løn. De har travlt ved "
        "kvartalsskifte og årsafslutning.")),
    "it": ("IT-service", [
        ("Klargøring af telefoner og tablets", "Nulstille, installere, mærke og pakke enheder"),
        ("Lager og registrering", "Registrere udstyr, modtage returvarer"),
        ("Brugersupport", "Besvare enkle henvendelser og oprette sager"),
    ], ("IT-supporter", "IT-medarbejder", "Lagermedarbejder"),
        ("Virksomheden leverer IT-udstyr og support til kommuner og skoler. De har svært ved at "
        "finde medarbejdere til klargøring, der er stabile og grundige.")),
    "genbrug": ("Genbrug og handel", [
        ("Sortering af varer", "Sortere indleverede varer, vurdere stand"),
        ("Prismærkning", "Sætte pris på varer og lægge dem frem i butikken"),
        ("Butiksekspedition", "Betjene kunder og kasse"),
    ], ("Butiksassistent", "Lagermedarbejder", "Butiksmedhjælper"),
        ("Butikken drives med få ansatte og en fast gruppe frivillige. De vil gerne have "
        "borgere i praktik, men har brug for en fast mentor i butikken.")),
    "transport": ("Transport og flytning", [
        ("Læsning og losning", "Læsse og losse lastbiler, sikre læsset"),
        ("Flytning", "Pakke og bære indbo, samle og skille møbler"),
        ("Vaskehal", "Vaske lastbiler og trailere"),
    ], ("Chauffør", "Flyttemand", "Chaufførmedhjælper"),
        ("Vognmanden har otte biler og kører fast for to grossister. Der mangler chauffører med "
        "C-kørekort, og de kan tænke sig at uddanne en medarbejder via voksenlærling.")),
}

# (name, industry key, number of employees)
COMPANIES = [
    ("Fjordbyg Tømrer & Snedker ApS", "byg", 24),
    ("Brødrene Kjærsgaard VVS ApS", "byg", 11),
    ("Malerfirmaet Farvekrogen ApS", "byg", 7),
    ("Tagdækkeren Søholm ApS", "byg", 9),
    ("Dagligvarehuset Fjordparken ApS", "detail", 38),
    ("Nærkøb Søndertorv ApS", "detail", 14),
    ("Byggemarkedet Hammer & Søm A/S", "detail", 52),
    ("Cykelsmeden Kædehjulet ApS", "detail", 5),
    ("Skovhus Plejecenter", "pleje", 85),
    ("Plejehjemmet Engbo", "pleje", 60),
    ("Restaurant Havblik ApS", "restaurant", 18),
    ("Hotel Fjordglimt A/S", "restaurant", 46),
    ("Kantinen Madværket ApS", "restaurant", 12),
    ("Campingpladsen Strandengen ApS", "restaurant", 8),
    ("Havnelageret Logistik A/S", "lager", 120),
    ("Nordpak Emballage A/S", "lager", 33),
    ("Fjordby Metal & Maskine A/S", "metal", 140),
    ("Stålsmedien Vest ApS", "metal", 21),
    ("Plastværket Formstøb A/S", "metal", 64),
    ("Lunds Anlægsgartneri ApS", "groen", 16),
    ("Gartneriet Grønttorvet ApS", "groen", 22),
    ("Golfklubben Fjordbakken", "groen", 6),
    ("Rent & Pænt Service ApS", "rengoering", 40),
    ("Glansbo Rengøring ApS", "rengoering", 13),
    ("Vaskeriet Hvide Lagen A/S", "rengoering", 35),
    ("Autohuset Bakkegården ApS", "auto", 26),
    ("Dæk & Fælge Centret ApS", "auto", 9),
    ("Bageriet Kornmod ApS", "foedevarer", 15),
    ("Mejeriet Engblomst A/S", "foedevarer", 90),
    ("Fiskehuset Tangen ApS", "foedevarer", 19),
    ("Regnskabskontoret Tal & Tid ApS", "kontor", 12),
    ("Boligforeningen Fjordhusene", "kontor", 28),
    ("Datadok IT-service ApS", "it", 31),
    ("Skærmhuset Support ApS", "it", 10),
    ("Genbrugsbutikken Nyt Liv", "genbrug", 4),
    ("Møbelgenbrug Anden Runde ApS", "genbrug", 7),
    ("Vognmand Thygesen & Søn ApS", "transport", 14),
    ("Flyttefirmaet Lasten ApS", "transport", 10),
    ("Køkkenfabrikken Nordlys A/S", "metal", 75),
    ("Tryk & Skilt Fjordby ApS", "kontor", 8),
]

CONTACT_FIRST_NAMES = [
    "Leif", "Anders", "Helle", "Jens", "Susanne", "Per", "Lone", "Kim", "Hanne", "Søren",
    "Marianne", "Torben", "Pernille", "Michael", "Dorthe", "Brian", "Charlotte", "Ole",
    "Tina", "Jan", "Louise", "Henrik", "Bente", "Niels", "Karin", "Martin",
]
CONTACT_SURNAMES = [
    "Bjerre", "Kjær", "Mikkelsen", "Dam", "Vestergaard", "Lund", "Bech", "Krogh", "Lyng",
    "Thygesen", "Brandt", "Nygaard", "Storm", "Bundgaard", "Hald", "Ebbesen",
]
CONTACT_TITLES = {
    "owner": ["Indehaver", "Direktør", "Ejer og daglig leder"],
    "manager": ["Driftsleder", "Afdelingsleder", "Daglig leder", "Teamleder"],
    "hr": ["HR-konsulent", "HR-partner", "Personalechef"],
    "mentor": ["Mentor", "Erfaren medarbejder og mentor", "Faglært medarbejder og mentor"],
    "contact": ["Kontorassistent", "Sekretær", "Holdleder"],
}

# Citizens' names are deliberately made up: ordinary first names, invented surnames.
CITIZEN_FIRST_NAMES = [
    "Anders", "Birgitte", "Camilla", "Dennis", "Emma", "Frederik", "Gitte", "Henrik", "Ida",
    "Jonas", "Karina", "Lasse", "Maja", "Nikolaj", "Oliver", "Pia", "Rasmus", "Sofie",
    "Thomas", "Ulla", "Vibeke", "Yasmin", "Zainab", "Ahmad", "Fatima", "Mohammed", "Olena",
    "Tomasz", "Agnieszka", "Dawit", "Hanna", "Kenneth", "Louise", "Mads", "Nadia", "René",
    "Sabrina", "Tina", "Jesper", "Marianne",
]
CITIZEN_SURNAMES = [
    "Prøvesen", "Testesen", "Demosen", "Fiktivsen", "Eksempelsen", "Opdigtsen", "Skabelonsen",
    "Prøvegaard", "Testholm", "Demostrup", "Fiktivhøj", "Eksempelbo", "Attrapsen", "Modelgaard",
]

CASEWORKERS = [
    "Lise Holm", "Jakob Friis", "Mette Dahl", "Rikke Lyngsø", "Ali Hassan", "Signe Vinther",
]
