"""Word lists Faker does not provide: randomuser.me's fixed lists and the gaps in Faker's locales.

Faker 40 has no Serbian locale, no Turkish addresses and no Norwegian or New Zealand regions
(checked against Faker 40.63, pinned), so those come from here.
"""

# randomuser.me 1.4 `common/lists/timezones.txt` (all 31 lines: the original drops the last one).
TIMEZONES: tuple[tuple[str, str], ...] = (
    ("-12:00", "Eniwetok, Kwajalein"),
    ("-11:00", "Midway Island, Samoa"),
    ("-10:00", "Hawaii"),
    ("-9:00", "Alaska"),
    ("-8:00", "Pacific Time (US & Canada)"),
    ("-7:00", "Mountain Time (US & Canada)"),
    ("-6:00", "Central Time (US & Canada), Mexico City"),
    ("-5:00", "Eastern Time (US & Canada), Bogota, Lima"),
    ("-4:00", "Atlantic Time (Canada), Caracas, La Paz"),
    ("-3:30", "Newfoundland"),
    ("-3:00", "Brazil, Buenos Aires, Georgetown"),
    ("-2:00", "Mid-Atlantic"),
    ("-1:00", "Azores, Cape Verde Islands"),
    ("0:00", "Western Europe Time, London, Lisbon, Casablanca"),
    ("+1:00", "Brussels, Copenhagen, Madrid, Paris"),
    ("+2:00", "Kaliningrad, South Africa"),
    ("+3:00", "Baghdad, Riyadh, Moscow, St. Petersburg"),
    ("+3:30", "Tehran"),
    ("+4:00", "Abu Dhabi, Muscat, Baku, Tbilisi"),
    ("+4:30", "Kabul"),
    ("+5:00", "Ekaterinburg, Islamabad, Karachi, Tashkent"),
    ("+5:30", "Bombay, Calcutta, Madras, New Delhi"),
    ("+5:45", "Kathmandu"),
    ("+6:00", "Almaty, Dhaka, Colombo"),
    ("+7:00", "Bangkok, Hanoi, Jakarta"),
    ("+8:00", "Beijing, Perth, Singapore, Hong Kong"),
    ("+9:00", "Tokyo, Seoul, Osaka, Sapporo, Yakutsk"),
    ("+9:30", "Adelaide, Darwin"),
    ("+10:00", "Eastern Australia, Guam, Vladivostok"),
    ("+11:00", "Magadan, Solomon Islands, New Caledonia"),
    ("+12:00", "Auckland, Wellington, Fiji, Kamchatka"),
)

USERNAME_ADJECTIVES: tuple[str, ...] = (
    "angry", "beautiful", "big", "black", "blue", "brown", "crazy", "golden", "green", "happy",
    "heavy", "lazy", "orange", "organic", "purple", "red", "sad", "silver", "small", "tiny",
    "white", "yellow", "ticklish",
)  # fmt: skip

USERNAME_NOUNS: tuple[str, ...] = (
    "bear", "bird", "butterfly", "cat", "dog", "duck", "elephant", "fish", "frog", "goose",
    "gorilla", "koala", "ladybug", "leopard", "lion", "meercat", "mouse", "panda", "peacock",
    "rabbit", "snake", "swan", "tiger", "wolf", "zebra", "ostrich",
)  # fmt: skip

COMMON_PASSWORDS: tuple[str, ...] = (
    "123456", "password", "12345678", "qwerty", "123456789", "12345", "1234", "111111",
    "1234567", "dragon", "123123", "baseball", "abc123", "football", "monkey", "letmein",
    "696969", "shadow", "master", "666666", "qwertyuiop", "123321", "mustang", "1234567890",
    "michael", "654321", "superman", "1qaz2wsx", "7777777", "121212", "000000", "qazwsx",
    "123qwe", "killer", "trustno1", "jordan", "jennifer", "zxcvbnm", "asdfgh", "hunter",
    "buster", "soccer", "harley", "batman", "andrew", "tigger", "sunshine", "iloveyou",
    "2000", "charlie", "robert", "thomas", "hockey", "ranger", "daniel", "starwars", "klaster",
    "112233", "george", "computer", "michelle", "jessica", "pepper", "1111", "zxcvbn", "555555",
    "11111111", "131313", "freedom", "777777", "pass", "maggie", "159753", "aaaaaa", "ginger",
    "princess", "joshua", "cheese", "amanda", "summer", "love", "ashley", "nicole", "chelsea",
    "biteme", "matthew", "access", "yankees", "987654321", "dallas", "austin", "thunder",
    "taylor", "matrix", "mobilemail", "minecraft", "bigdaddy", "corvette", "windows", "hello",
)  # fmt: skip

SERBIAN_MALE_FIRST: tuple[str, ...] = (
    "Aleksa", "Aleksandar", "Andrej", "Bogdan", "Boris", "Branko", "Dragan", "Dragoljub",
    "Dušan", "Đorđe", "Filip", "Goran", "Ivan", "Jovan", "Lazar", "Luka", "Marko", "Milan",
    "Miloš", "Miodrag", "Mihajlo", "Nemanja", "Nikola", "Ognjen", "Petar", "Predrag", "Radoš",
    "Relja", "Slobodan", "Stefan", "Strahinja", "Uroš", "Veljko", "Vladimir", "Vuk", "Zoran",
)  # fmt: skip

SERBIAN_FEMALE_FIRST: tuple[str, ...] = (
    "Ana", "Anđela", "Biljana", "Bojana", "Danica", "Dragana", "Dunja", "Gordana", "Ivana",
    "Jelena", "Jovana", "Katarina", "Ksenija", "Ljiljana", "Marija", "Milena", "Milica",
    "Mirjana", "Nada", "Natalija", "Nevena", "Olivera", "Sanja", "Slađana", "Snežana", "Sofija",
    "Tamara", "Tijana", "Vesna", "Zorana",
)  # fmt: skip

SERBIAN_LAST: tuple[str, ...] = (
    "Jovanović", "Petrović", "Nikolić", "Marković", "Đorđević", "Stojanović", "Ilić",
    "Stanković", "Pavlović", "Milošević", "Popović", "Đokić", "Živković", "Todorović",
    "Ristić", "Kostić", "Lazić", "Marinković", "Simić", "Radovanović", "Jovičić", "Milenković",
    "Stevanović", "Tomić", "Rakić", "Vasić", "Mitrović", "Obradović", "Savić", "Đukić",
    "Lukić", "Kovačević", "Babić", "Zdravković", "Antić", "Perić", "Filipović", "Vuković",
)  # fmt: skip

SERBIAN_CITIES: tuple[str, ...] = (
    "Beograd", "Novi Sad", "Niš", "Kragujevac", "Subotica", "Zrenjanin", "Pančevo", "Čačak",
    "Kruševac", "Kraljevo", "Novi Pazar", "Smederevo", "Leskovac", "Užice", "Vranje", "Šabac",
    "Valjevo", "Sombor", "Požarevac", "Pirot", "Zaječar", "Kikinda", "Sremska Mitrovica",
    "Jagodina", "Vršac", "Bor", "Prokuplje", "Loznica", "Ivanjica", "Aranđelovac",
)  # fmt: skip

SERBIAN_DISTRICTS: tuple[str, ...] = (
    "Beograd", "Severna Bačka", "Srednji Banat", "Severni Banat", "Južni Banat", "Zapadna Bačka",
    "Južna Bačka", "Srem", "Mačva", "Kolubara", "Podunavlje", "Braničevo", "Šumadija",
    "Pomoravlje", "Bor", "Zaječar", "Zlatibor", "Moravica", "Raška", "Rasina", "Nišava",
    "Toplica", "Pirot", "Jablanica", "Pčinja",
)  # fmt: skip

SERBIAN_STREETS: tuple[str, ...] = (
    "Cara Dušana", "Kralja Petra", "Kneza Miloša", "Nemanjina", "Bulevar oslobođenja",
    "Vojvode Stepe", "Svetog Save", "Njegoševa", "Takovska", "Gavrila Principa", "Karađorđeva",
    "Vuka Karadžića", "Dositejeva", "Kralja Milana", "Despota Stefana", "Cvijićeva",
    "Resavska", "Zmaj Jovina", "Jug Bogdanova", "Hajduk Veljkova", "Miloša Obilića",
    "Vojvode Mišića", "Kosovska", "Ustanička", "Sinđelićeva", "Bulevar kralja Aleksandra",
)  # fmt: skip

TURKISH_CITIES: tuple[str, ...] = (
    "İstanbul", "Ankara", "İzmir", "Bursa", "Antalya", "Konya", "Adana", "Gaziantep",
    "Şanlıurfa", "Kocaeli", "Mersin", "Diyarbakır", "Hatay", "Manisa", "Kayseri", "Samsun",
    "Balıkesir", "Kahramanmaraş", "Van", "Aydın", "Denizli", "Sakarya", "Tekirdağ", "Muğla",
    "Eskişehir", "Trabzon", "Malatya", "Erzurum", "Sivas", "Ordu", "Rize", "Edirne",
)  # fmt: skip

TURKISH_STREETS: tuple[str, ...] = (
    "Atatürk Cd", "Cumhuriyet Cd", "İstiklal Cd", "Bağdat Cd", "Fatih Sk", "Mevlana Cd",
    "Necatibey Cd", "Barbaros Cd", "Anafartalar Cd", "Vatan Cd", "Kâzım Karabekir Cd",
    "Menderes Cd", "Abanoz Sk", "Talak Göktepe Cd", "Maçka Cd", "Filistin Cd", "Hürriyet Cd",
    "Fevzi Çakmak Cd", "İnönü Cd", "Mimar Sinan Cd", "Kushimoto Sk", "Doktorlar Cd",
    "Şehit Ali Sk", "Bostancı Cd", "Gazi Mustafa Kemal Blv",
)  # fmt: skip

NORWEGIAN_COUNTIES: tuple[str, ...] = (
    "Oslo", "Rogaland", "Møre og Romsdal", "Nordland", "Østfold", "Akershus", "Buskerud",
    "Innlandet", "Vestfold", "Telemark", "Agder", "Vestland", "Trøndelag", "Troms", "Finnmark",
)  # fmt: skip

NEW_ZEALAND_REGIONS: tuple[str, ...] = (
    "Northland", "Auckland", "Waikato", "Bay of Plenty", "Gisborne", "Hawke's Bay", "Taranaki",
    "Manawatu-Wanganui", "Wellington", "Tasman", "Nelson", "Marlborough", "West Coast",
    "Canterbury", "Otago", "Southland",
)  # fmt: skip
