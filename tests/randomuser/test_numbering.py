"""Every nationality's phones, cells, postcodes and ids against its country's real rules.

The regular expressions are written from each country's numbering plan, postcode system and id
format (the regulator's or post office's published rules), not from our templates or Faker's.
"""

import re
from datetime import date
from typing import Any

import pytest

from randomuser.generator import Options, generate_users
from randomuser.nationalities import NAT_CODES

DAY_MONTH = r"(0[1-9]|[12]\d|3[01])(0[1-9]|1[0-2])"
NANP = r"\([2-9][0-8]\d\) [2-9]\d{2}-\d{4}"  # NXX NXX-XXXX; N9X area codes are reserved.
MEXICO = r"\((33|55|81)\) \d{4} \d{4}|\((?!33|55|81)[2-9]\d{2}\) \d{3} \d{4}"

RULES: dict[str, dict[str, str]] = {
    "AU": {
        "phone": r"0[2378]-\d{4}-\d{4}",  # Geographic area codes 02, 03, 07, 08.
        "cell": r"04\d{2}-\d{3}-\d{3}",
        "postcode": r"0[289]\d{2}|[1-9]\d{3}",  # NT and ACT 02xx-09xx, states 1000-9999.
        "id": r"TFN \d{8,9}",
    },
    "BR": {
        "phone": r"\([1-9]{2}\) [2-5]\d{3}-\d{4}",  # DDD 11-99 without 0; fixed lines 2-5.
        "cell": r"\([1-9]{2}\) 9\d{4}-\d{4}",  # Mobiles have 9 digits, the first a 9.
        "postcode": r"\d{5}-\d{3}",  # CEP.
        "id": r"CPF \d{3}\.\d{3}\.\d{3}-\d{2}",
    },
    "CA": {
        "phone": NANP,
        "cell": NANP,
        # Canada Post: no D, F, I, O, Q or U; no W or Z first.
        "postcode": r"[ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z] \d[ABCEGHJ-NPRSTV-Z]\d",
        "id": r"SIN [1-79]\d{2} \d{3} \d{3}",  # 0 is unassigned, 8 unused.
    },
    "CH": {
        "phone": r"0(2[1-7]|3[1-4]|4[1-4]|5[2-8]|6[12]|71|81|91) \d{3} \d{2} \d{2}",
        "cell": r"07[5-9] \d{3} \d{2} \d{2}",
        "postcode": r"[1-9]\d{3}",
        "id": r"AVS 756\.\d{4}\.\d{4}\.\d{2}",  # AHV-Nr.: country code 756, then 10 digits.
    },
    "DE": {
        "phone": r"0[2-9]\d{1,3}-\d{5,8}",  # Area codes 02-09 (2 to 5 digits with the 0).
        "cell": r"01(5\d|6[0-3]|7\d)-\d{7,8}",
        "postcode": r"(0[1-9]|[1-9]\d)\d{3}",  # 01001-99998.
        # Area number, date of birth, initial of the birth name, serial and check digit.
        "id": rf"SVNR \d{{2}} {DAY_MONTH}\d{{2}} [A-Z] \d{{3}}",
    },
    "DK": {
        "phone": r"(3[2-9]|4[3-9]|5[4-9]|6[2-69]|7[2-6]|8[6-9]|9[6-9])( \d{2}){3}",
        "cell": r"(2\d|3[01]|4[0-2]|5[0-3]|6[01]|71|81|9[1-3])( \d{2}){3}",
        "postcode": r"[1-9]\d{3}",
        "id": rf"CPR {DAY_MONTH}\d{{2}}-\d{{4}}",
    },
    "ES": {
        "phone": r"[89][1-8]\d-\d{3}-\d{3}",  # Geographic numbers: 8 or 9, not 80x or 90x.
        "cell": r"(6\d{2}|7[1-4]\d)-\d{3}-\d{3}",
        "postcode": r"(0[1-9]|[1-4]\d|5[0-2])\d{3}",  # Provinces 01-52.
        "id": r"DNI \d{8}-[TRWAGMYFPDXBNJZSQVHLCKE]",
    },
    "FI": {
        "phone": r"0([235689]|1[3-9]) \d{3} \d{3,4}",
        "cell": r"(0|\+358 )(4\d|50) \d{3} \d{3,4}",
        "postcode": r"\d{5}",
        "id": rf"HETU {DAY_MONTH}\d{{2}}[-+A]\d{{3}}[0-9A-FHJ-NPR-Y]",
    },
    "FR": {
        "phone": r"0[1-5]( \d{2}){4}",  # 01-05 are the geographic zones.
        "cell": r"0[67]( \d{2}){4}",
        "postcode": r"(0[1-9]|[1-8]\d|9[0-5]|97)\d{3}",  # Departments 01-95, overseas 97x.
        "id": r"INSEE [12]\d{2}(0[1-9]|1[0-2])(\d{2}|2[AB])\d{6} \d{2}",  # NIR and its key.
    },
    "GB": {
        "phone": r"01\d{3} \d{6}|02\d \d{4} \d{4}",
        "cell": r"07[1-57-9]\d{2} \d{6}",  # 070 is personal numbering, 076 pagers.
        "postcode": r"[A-PR-UWYZ][A-HK-Y]?\d[A-Z\d]? \d[ABD-HJLNP-UW-Z]{2}",
        "id": r"NINO (?!BG|GB|KN|NK|NT|TN|ZZ)[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z]( \d{2}){3} [A-D]",
    },
    "IE": {
        "phone": r"0(1|[24-79]\d)-\d{3}-\d{4}",
        "cell": r"08[35-9]-\d{3}-\d{4}",
        "postcode": r"([AC-FHKNPRTV-Y]\d{2}|D6W) [0-9AC-FHKNPRTV-Y]{4}",  # Eircode.
        "id": r"PPS \d{7}[A-W][ABHTWX]?",
    },
    "IN": {
        # STD code and subscriber number: 10 digits after the trunk 0.
        "phone": r"0(?=[1-8])(\d{2} \d{8}|\d{3} \d{7}|\d{4} \d{6})",
        "cell": r"[6-9]\d{4} \d{5}",
        "postcode": r"[1-9]\d{5}",  # PIN: the first digit is the zone.
        "id": r"UIDAI [2-9]\d{3} \d{4} \d{4}",  # Aadhaar never starts with 0 or 1.
    },
    "IR": {
        "phone": r"0[1-8]\d-\d{8}",
        "cell": r"09[0-39]\d-\d{3}-\d{4}",
        "postcode": r"[13-9]{4}[1346-9]-[013-9]{5}",
        "id": r" None",
    },
    "MX": {
        "phone": MEXICO,
        "cell": MEXICO,
        "postcode": r"(0[1-9]|[1-9]\d)\d{3}",
        "id": r"NSS \d{2} \d{2} \d{2} \d{4} \d",
    },
    "NL": {
        "phone": r"0[1-57](\d-\d{7}|\d{2}-\d{6})",
        "cell": r"06-[1-5]\d{7}",
        "postcode": r"[1-9]\d{3} (?!SA|SD|SS)[A-EGHJ-NPR-TV-XZ]{2}",
        "id": r"BSN \d{9}",
    },
    "NO": {
        "phone": r"[23567]\d( \d{2}){3}",
        "cell": r"[49]\d{2} \d{2} \d{3}",
        "postcode": r"(?!0000)\d{4}",
        "id": rf"FN {DAY_MONTH}\d{{7}}",
    },
    "NZ": {
        "phone": r"0[34679] [2-9]\d{2} \d{4}",
        "cell": r"02\d \d{3} \d{3,4}",
        "postcode": r"(?!00)\d{4}",
        "id": r" None",
    },
    "RS": {
        "phone": r"0[1-3]\d-\d{3}-\d{3,4}",
        "cell": r"06[0-69]-\d{3}-\d{3,4}",
        "postcode": r"[1-3]\d{4}",
        "id": rf"SID {DAY_MONTH}[09]\d{{2}}[789]\d{{5}}",  # JMBG.
    },
    "TR": {
        "phone": r"\([2-4]\d{2}\) \d{3} \d{2} \d{2}",
        "cell": r"\(5[0345]\d\) \d{3} \d{2} \d{2}",
        "postcode": r"(0[1-9]|[1-7]\d|8[01])\d{3}",  # Provinces 01-81.
        "id": r" None",
    },
    "UA": {
        "phone": r"\(0[3-6]\d\) \d{3}-\d{2}-\d{2}",
        "cell": r"\(0(50|6[3678]|73|9[1-9])\) \d{3}-\d{2}-\d{2}",
        "postcode": r"(0[1-9]|[1-9]\d)\d{3}",
        "id": r" None",
    },
    "US": {
        "phone": NANP,
        "cell": NANP,
        "postcode": r"(?!000)\d{5}",
        "id": r"SSN (?!000|666|9)\d{3}-(?!00)\d{2}-(?!0000)\d{4}",
    },
}


def values(user: dict[str, Any], field: str) -> str:
    if field == "id":
        return f"{user['id']['name']} {user['id']['value']}"
    if field == "postcode":
        return str(user["location"]["postcode"])
    return str(user[field])


def test_every_nationality_has_rules() -> None:
    assert set(RULES) == set(NAT_CODES)


@pytest.mark.parametrize("nat", NAT_CODES)
def test_formats_follow_each_countrys_rules(nat: str) -> None:
    options = Options(seed=f"rules-{nat}", results=400, nats=(nat,))
    for user in generate_users(options, today=date(2025, 6, 1), picture_base="/"):
        for field, rule in RULES[nat].items():
            assert re.fullmatch(rule, values(user, field)), (field, values(user, field))
