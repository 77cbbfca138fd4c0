"""Each nationality's phone, cell, postcode and national id templates (``randomuser.patterns``).

Written from each country's numbering plan, not from Faker's formats: Faker's templates fill
area codes and prefixes with any digit (US area codes starting with 0 or 1, foreign country codes
for Mexico) and mix in international forms. Here a prefix that the plan fixes is literal or a
class (a US area code is ``[2-9][0-8]#``, the North American Numbering Plan's NXX), and the
leading zero is the national trunk prefix. Ids have the right shape and date parts but no valid
check digit. ``randomuser.me`` 1.4's separators are kept where they fit the country.
"""

from dataclasses import dataclass

# Day 01-28 and month 01-09: always a real date, with one pattern per id.
DAY_MONTH = "[0-2][1-8]0[1-9]"
NANP = ("([2-9][0-8]#) [2-9]##-####",)
NOT_00_FIVE_DIGITS = ("{0[1-9]|[1-9]#}###",)
NOT_0000 = ("{0[1-9]##|[1-9]###}",)
# Mexico City, Guadalajara and Monterrey have two-digit area codes, the rest three digits.
MEXICO = ("{(55) #### ####|(33) #### ####|(81) #### ####|([2-46-9][24-9]#) ### ####}",)


@dataclass(frozen=True, slots=True)
class Numbering:
    """The templates of one nationality's phones, cells, postcodes and national id."""

    phones: tuple[str, ...]
    cells: tuple[str, ...]
    postcodes: tuple[str, ...]
    id_template: str | None = None


NUMBERING: dict[str, Numbering] = {
    "AU": Numbering(
        phones=("0[2378]-####-####",),
        cells=("04##-###-###",),
        postcodes=("{0[289]##|[1-9]###}",),
        id_template="#########",
    ),
    "BR": Numbering(
        phones=("([1-9][1-9]) [2-5]###-####",),
        cells=("([1-9][1-9]) 9####-####",),
        postcodes=("#####-###",),
        id_template="###.###.###-##",
    ),
    "CA": Numbering(
        phones=NANP,
        cells=NANP,
        postcodes=("[ABCEGHJ-NPRSTVXY]#[ABCEGHJ-NPRSTV-Z] #[ABCEGHJ-NPRSTV-Z]#",),
        id_template="[1-79]## ### ###",
    ),
    "CH": Numbering(
        phones=("0{21|22|24|26|27|31|32|33|34|41|43|44|52|55|56|61|62|71|81|91} ### ## ##",),
        cells=("07[5-9] ### ## ##",),
        postcodes=("[1-9]###",),
        id_template="756.####.####.##",
    ),
    "DE": Numbering(
        phones=("{030|040|069|089|0[2-9][1-9]#}-#######",),
        cells=("01{5[1257]|6[023]|7#}-#######",),
        postcodes=NOT_00_FIVE_DIGITS,
        id_template=f"[1-7]# {DAY_MONTH}## ? ###",
    ),
    "DK": Numbering(
        phones=("{3[2-9]|4[3-9]|5[4-9]|6[2-6]|7[2-6]|8[6-9]|9[6-9]} ## ## ##",),
        cells=("{2#|3[01]|4[0-2]|5[0-3]|6[01]|71|81|9[1-3]} ## ## ##",),
        postcodes=("[1-9]###",),
        id_template=f"{DAY_MONTH}##-####",
    ),
    "ES": Numbering(
        phones=("[89][1-8]#-###-###",),
        cells=("{6##|7[1-4]#}-###-###",),
        postcodes=("{0[1-9]|[1-4]#|5[0-2]}###",),
        id_template="########-[TRWAGMYFPDXBNJZSQVHLCKE]",
    ),
    "FI": Numbering(
        phones=("0{2|3|5|6|8|9|1[3-9]} ### ####",),
        cells=("0{4#|50} ### ####", "+358 {4#|50} ### ####"),
        postcodes=("#####",),
        id_template=f"{DAY_MONTH}##-###[0-9A-FHJ-NPR-Y]",
    ),
    "FR": Numbering(
        phones=("0[1-5] ## ## ## ##",),
        cells=("0[67] ## ## ## ##",),
        postcodes=("{0[1-9]|[1-8]#|9[0-5]}###",),
        id_template="[12]##0[1-9]######## ##",
    ),
    "GB": Numbering(
        phones=("{01### ######|02# #### ####}",),
        cells=("07[1-57-9]## ######",),
        postcodes=(
            "{B|E|G|L|M|N|S|W|AB|AL|BA|BD|BN|BS|CB|CF|CM|CV|DE|EH|GL|LS|NE|NG|OX|PL|PO|RG|SO|YO}"
            "{[1-9]|[1-9]#} #[ABD-HJLNP-UW-Z][ABD-HJLNP-UW-Z]",
        ),
        # Neither D, F, I, Q, U nor V; second letter not O; never BG, GB, KN, NK, NT, TN, ZZ.
        id_template="[A-CEGHJ-PR-TW-Z][ACEHJLMPRSWXY] ## ## ## [A-D]",
    ),
    "IE": Numbering(
        phones=("0{1|[24-79]#}-###-####",),
        cells=("08[35-9]-###-####",),
        # Eircode: a routing key, then a unique identifier from a 25-character alphabet.
        postcodes=("[AC-FHKNPRTV-Y]## [AC-FHKNPRTV-Y][0-9AC-FHKNPRTV-Y]#[0-9AC-FHKNPRTV-Y]",),
        id_template="#######[A-W]",
    ),
    "IN": Numbering(
        phones=("0{11|20|22|33|40|44|79|80} ########", "0[1-8][1-9]# #######"),
        cells=("[6-9]#### #####",),
        postcodes=("[1-8]#####",),
        id_template="[2-9]### #### ####",
    ),
    "IR": Numbering(
        phones=("0[1-8][1-9]-########",),
        cells=("09[0-39]#-###-####",),
        postcodes=("[13-9][13-9][13-9][13-9][1346-9]-[013-9][013-9][013-9][013-9][013-9]",),
    ),
    "MX": Numbering(
        phones=MEXICO,
        cells=MEXICO,
        postcodes=NOT_00_FIVE_DIGITS,
        id_template="## ## ## #### #",
    ),
    "NL": Numbering(
        phones=("{0[1-57]#-#######|0[1-57]##-######}",),
        cells=("06-[1-5]#######",),
        # No F, I, O, Q, U or Y, and no S (SA, SD and SS are not used).
        postcodes=("[1-9]### [A-EGHJ-NPRTV-XZ][A-EGHJ-NPRTV-XZ]",),
        id_template="#########",
    ),
    "NO": Numbering(
        phones=("[23567]# ## ## ##",),
        cells=("[49]## ## ###",),
        postcodes=NOT_0000,
        id_template=f"{DAY_MONTH}#######",
    ),
    "NZ": Numbering(
        phones=("0[34679] [2-9]## ####",),
        cells=("02[1279] ### ####",),
        postcodes=NOT_0000,
    ),
    "RS": Numbering(
        phones=("0[1-3]#-###-####",),
        cells=("06[0-69]-###-####",),
        postcodes=("[1-3]####",),
        # JMBG: date of birth (year as its last three digits), region 7x, serial, check digit.
        id_template=f"{DAY_MONTH}[09]##7#####",
    ),
    "TR": Numbering(
        phones=("([2-4][1-9]#) ### ## ##",),
        cells=("(5[0345]#) ### ## ##",),
        postcodes=("{0[1-9]|[1-7]#|8[01]}###",),
    ),
    "UA": Numbering(
        phones=("(0[3-6][1-9]) ###-##-##",),
        cells=("(0{50|6[3678]|73|9[1-9]}) ###-##-##",),
        postcodes=NOT_00_FIVE_DIGITS,
    ),
    "US": Numbering(
        phones=NANP,
        cells=NANP,
        postcodes=NOT_00_FIVE_DIGITS,
        id_template="[1-578]##-[1-9]#-[1-9]###",
    ),
}
