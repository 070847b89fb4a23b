"""The problems of a definitions file (and the core's range and id errors), in Khmer: their part of the
message table, merged into `khcal.text.km.MESSAGES`. The same keys as en_problems.py.

`found_kind` names a TOML value's type as these messages (and the settings' messages) do.
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from khcal.text import Message

# --- the TOML types named in definitions problems -----------------------------

_KINDS = {
    "integer": "ចំនួនគត់",
    "string": "ខ្សែអក្សរ",
    "boolean": "true ឬ false",
    "array": "អារេ",
    "table": "តារាង",
    "date": "កាលបរិច្ឆេទ",
    "datetime": "កាលបរិច្ឆេទ និងម៉ោង",
    "strings": "បញ្ជីខ្សែអក្សរ",
    "weekend": 'ខ្សែអក្សរដូចជា "sat,sun" ឬបញ្ជីឈ្មោះថ្ងៃ',
}


def _kinds(codes: tuple[str, ...]) -> str:
    return " ឬ".join(_KINDS.get(code, code) for code in codes)


def _spaced(text: str) -> str:
    """`text` with a space on a side where it begins or ends with a character that is not Khmer: a value in
    Latin letters or digits is not written against a Khmer word (`មិនមែនលេខ 3 ទេ`, `មិនមែន true/false ទេ`)."""
    before = " " if text[:1] and not "\u1780" <= text[0] <= "\u17ff" else ""
    after = " " if text[-1:] and not "\u1780" <= text[-1] <= "\u17ff" else ""
    return before + text + after


def found_kind(code: str, value: str) -> str:
    if code == "boolean":
        return "true/false"
    if code == "number":
        return f"លេខ {value}"
    if code == "string":
        return f"ខ្សែអក្សរ {value}"
    return _KINDS.get(code, code)


MESSAGES: dict[str, Message] = {
    "error.unknown-id": "គ្មានទិវាដែលមានលេខសម្គាល់ '{ident}' ទេ{hint} (khcal list --ids បង្ហាញលេខសម្គាល់ទាំងអស់)",
    "error.unknown-id.hint": "។ តើអ្នកចង់និយាយថា {names} ឬ?",
    "error.too-many-occurrences": "{first} ដល់ {last}៖ មានលើសពី {most} ដង៖ សូមសុំឆ្នាំតិចជាងនេះ",
    "error.year-range": "ឆ្នាំ{year} នៅក្រៅចន្លោះដែល khcal គណនាបាន ({low}-{high})",
    "error.date-outside": "{day} នៅក្រៅចន្លោះដែល khcal គណនាបាន {first}..{last}",
    "error.year-outside": "ឆ្នាំ{year} នៅក្រៅចន្លោះដែល khcal គណនាបាន {first}..{last} (ឆ្នាំ {low}..{high})",
    "error.be-year-outside": (
        "ឆ្នាំពុទ្ធសករាជ {year} នៅក្រៅចន្លោះដែល khcal គណនាបាន {first}..{last} (ព.ស. {low}..{high})"
    ),
    "error.lunar-month": "មិនស្គាល់ខែចន្ទគតិ {month} ទេ៖ សូមប្រើខែមួយក្នុងចំណោម {months}",
    "error.lunar-phase": "ដំណាក់កាលត្រូវតែជា 'waxing' (កើត) ឬ 'waning' (រោច) មិនមែន {value} ទេ",
    "error.lunar-day": "ថ្ងៃចន្ទគតិត្រូវតែពី ១ ដល់ ១៥ ឬ -១ (ថ្ងៃចុងក្រោយ) មិនមែន {day} ទេ",
    "error.weekend-day": lambda value, close, days: (
        f"'{value}' មិនមែនជាថ្ងៃនៃសប្តាហ៍ទេ"
        + (f" (តើអ្នកចង់សរសេរ '{close}' ឬ?)" if close else "")
        + f"៖ សូមប្រើបញ្ជីដែលបំបែកដោយក្បៀសនៃ {days} (ឧ. sat,sun) ឬ none"
    ),
    "error.weekend-full": "គ្រប់ថ្ងៃនៃសប្តាហ៍ជាថ្ងៃចុងសប្តាហ៍៖ សូមទុកថ្ងៃធ្វើការយ៉ាងហោចណាស់មួយថ្ងៃ",
    "error.sector": "'{value}' មិនមែនជាតម្លៃមួយក្នុងចំណោម {choices} ទេ",
    "error.definitions": "ឯកសារនិយមន័យមានបញ្ហា",
    "problem.where-observance": "ទិវា '{ident}'",
    "problem.where-field": "វាល '{name}'",
    "problem.no-file": "គ្មានឯកសារនេះទេ",
    "problem.is-folder": "ជាថតឯកសារ មិនមែនជាឯកសារនិយមន័យទេ",
    "problem.not-utf8": "មិនមែនជាអត្ថបទ UTF-8 ទេ ({reason})",
    "problem.unreadable": "មិនអាចអានបានទេ ({reason})",
    "problem.toml-syntax": "កំហុសវាក្យសម្ព័ន្ធ TOML៖ {detail}",
    "problem.not-regular": "មិនមែនជាឯកសារធម្មតាទេ (ជាឧបករណ៍ បំពង់ ឬរន្ធ)៖ khcal អានតែឯកសារប៉ុណ្ណោះ",
    "problem.too-large": "ធំជាង {limit} បៃ ដែលជាទំហំធំបំផុតដែល khcal អាន",
    "problem.too-many-observances": "ឯកសារទាំងនេះកំណត់ទិវា {count} រួមគ្នា៖ អនុញ្ញាតយ៉ាងច្រើនបំផុត {limit}",
    "problem.too-many-holy-days": "ទិវា {count} តាមច្បាប់ holy-days៖ អនុញ្ញាតយ៉ាងច្រើនបំផុត {limit}",
    "problem.too-deep": "អារេ និងតារាងដាក់ក្នុងគ្នាជ្រៅជាង {limit} ជាន់",
    "problem.too-long": "មានប្រវែង {length} តួអក្សរ៖ អនុញ្ញាតយ៉ាងច្រើនបំផុត {limit} តួអក្សរ",
    "problem.in-lieu-every-day": "រាយថ្ងៃទាំងប្រាំពីរនៃសប្តាហ៍៖ គ្មានថ្ងៃណាមួយអាចជាថ្ងៃឈប់សម្រាកសងបានឡើយ",
    "problem.format": "khcal នេះអានទម្រង់ {expected} មិនមែនទម្រង់ {value} ទេ",
    "problem.unknown-key": lambda key, close: (
        f"មិនស្គាល់គន្លឹះ '{key}' ទេ" + (f" (តើអ្នកចង់សរសេរ '{close}' ឬ?)" if close else "")
    ),
    "problem.found": lambda found, value: found_kind(found, value),
    "problem.required": "ត្រូវតែមាន",
    "problem.wrong-type": lambda expected, found, value: (
        f"ត្រូវតែជា{_spaced(_kinds(expected)).rstrip()} មិនមែន{_spaced(found_kind(found, value))}ទេ"
    ),
    "problem.range": "ត្រូវតែនៅចន្លោះ {low} ដល់ {high} មិនមែន {value} ទេ",
    "problem.not-one-of": "'{value}' មិនមែនជាតម្លៃមួយក្នុងចំណោម {choices} ទេ",
    "problem.datetime-not-date": "ត្រូវតែជាកាលបរិច្ឆេទ (YYYY-MM-DD) មិនមែនកាលបរិច្ឆេទ និងម៉ោងទេ",
    "problem.bad-date": "'{value}' មិនមែនជាកាលបរិច្ឆេទត្រឹមត្រូវ (YYYY-MM-DD) ទេ",
    "problem.date-range": "{value} នៅក្រៅចន្លោះ {low}-{high}",
    "problem.empty": "មិនត្រូវទុកទទេទេ",
    "problem.no-sources": "ត្រូវតែដាក់ប្រភពយ៉ាងហោចណាស់មួយ",
    "problem.source-type": lambda found, value: (
        f"ត្រូវតែជាខ្សែអក្សរ ឬតារាងដែលមាន title និង url មិនមែន{_spaced(found_kind(found, value))}ទេ"
    ),
    "problem.not-http": "'{value}' មិនមែនជាអាសយដ្ឋាន http(s) ទេ",
    "problem.control-character": ("មានតួអក្សរបញ្ជា {char}៖ សូមលុបវាចេញ (អត្ថបទអាចមានតែថេប និងការចុះបន្ទាត់ប៉ុណ្ណោះ)"),
    "problem.year-twice": "ឆ្នាំ{year} ត្រូវបានដាក់ពីរដង",
    "problem.duplicate-id": "លេខសម្គាល់ '{ident}' ស្ទួន (កំណត់ដំបូងនៅបន្ទាត់ {line})",
    "problem.not-array-of-tables": lambda name, found, value: (
        f"ត្រូវតែជាអារេនៃតារាង ([[{name}]]) មិនមែន{_spaced(found_kind(found, value))}ទេ"
    ),
    "problem.entry-not-table": lambda n, found, value: (
        f"ធាតុទី{n} ត្រូវតែជាតារាង មិនមែន{_spaced(found_kind(found, value))}ទេ"
    ),
    "problem.not-table": lambda found, value: f"ត្រូវតែជាតារាង មិនមែន{_spaced(found_kind(found, value))}ទេ",
    "problem.rule-not-table": lambda found, value: (
        'ត្រូវតែជាតារាង ដូចជា { kind = "fixed", month = 1, day = 7 } មិនមែន'
        + _spaced(found_kind(found, value))
        + "ទេ"
    ),
    "problem.until-before-since": "{until} នៅមុន since = {since}",
    "problem.bad-id": "'{ident}' ត្រូវតែមានតែអក្សរតូច លេខ និងសញ្ញាដកតែមួយៗ",
    "problem.bad-category": "'{value}' ត្រូវតែមានតែអក្សរតូច លេខ និងសញ្ញាដក",
    "problem.exception-twice": "ឆ្នាំ{year} មានករណីលើកលែងច្រើនជាងមួយ៖ សូមបញ្ចូលវាជាមួយ",
    "problem.new-year-days": ("ចំនួនថ្ងៃចូលឆ្នាំត្រូវបានគណនា (៣ ឬ ៤ ថ្ងៃ)៖ សូមប្តូរវាតាមឆ្នាំដោយករណីលើកលែង ឬតាមកំឡុងពេល"),
    "problem.holy-days-days": "ថ្ងៃសីលគឺជាថ្ងៃតែមួយៗ",
    "problem.no-such-day": "ខែ{month} គ្មានថ្ងៃទី{day} ទេ",
    "problem.nth-zero": "ត្រូវតែពី ១ ដល់ ៥ ឬពី -១ ដល់ -៥ រាប់ពីចុងខែ",
    "problem.lunar-day": 'ត្រូវតែពី ១ ដល់ ១៥ ឬ "last" មិនមែន {value} ទេ',
    "problem.last-waxing": '"last" សម្រាប់តែថ្ងៃរោចប៉ុណ្ណោះ',
    "problem.far-start": "{start} នៅឆ្ងាយពីឆ្នាំ{year} នៃករណីលើកលែង",
    "problem.songkran-not-new-year": "មានតែបុណ្យចូលឆ្នាំទេ ដែលមានពេលមហាសង្ក្រាន្ត",
    "problem.songkran-year": "{moment} មិនស្ថិតក្នុងឆ្នាំ{year} ទេ",
    "problem.changes-nothing": "មិនផ្លាស់ប្តូរអ្វីទេ៖ សូមដាក់ start, days, holiday ឬ songkran",
    "problem.holy-days-off": "ថ្ងៃសីលមិនដែលជាថ្ងៃឈប់សម្រាកទេ៖ សូមផ្តល់ក្បួនប្រភេទផ្សេងដល់រយៈពេលនេះ",
    "problem.overlap": "ត្រួតលើ {other} (ឆ្នាំ {a} និង {b})",
    "problem.unknown-ref": lambda ident, close: (
        f"យោងទៅទិវា '{ident}' ដែលមិនស្គាល់" + (f" (តើអ្នកចង់សរសេរ '{close}' ឬ?)" if close else "")
    ),
    "problem.offset-cycle": "គម្លាតថ្ងៃវិលជារង្វង់៖ {chain}",
    # Why a file could not be read or written (khcal.text.errors.reason_key)
    "reason.ENOENT": "គ្មានឯកសារ ឬថតឯកសារនេះទេ",
    "reason.EACCES": "គ្មានសិទ្ធិ",
    "reason.EPERM": "មិនអនុញ្ញាតឱ្យធ្វើប្រតិបត្តិការនេះទេ",
    "reason.EISDIR": "ជាថតឯកសារ",
    "reason.ENOTDIR": "មិនមែនជាថតឯកសារទេ",
    "reason.EEXIST": "មានឯកសារនេះរួចហើយ",
    "reason.ENOSPC": "ឧបករណ៍ផ្ទុកអស់ទំហំ",
    "reason.EDQUOT": "លើសកូតាថាស",
    "reason.EROFS": "ប្រព័ន្ធឯកសារអាចអានបានតែប៉ុណ្ណោះ",
    "reason.ENAMETOOLONG": "ឈ្មោះឯកសារវែងពេក",
    "reason.ELOOP": "តំណនិមិត្តសញ្ញាច្រើនជាន់ពេក",
    "reason.EIO": "កំហុសបញ្ចូល ឬបញ្ចេញ",
    "reason.EBUSY": "ឧបករណ៍ ឬធនធាននេះកំពុងជាប់រវល់",
    "reason.ETXTBSY": "ឯកសារនេះកំពុងជាប់រវល់",
    "reason.EMFILE": "បើកឯកសារច្រើនពេក",
    "reason.EFBIG": "ឯកសារធំពេក",
    "reason.ENOTEMPTY": "ថតឯកសារមិនទទេ",
    "reason.EXDEV": "មិនអាចភ្ជាប់ឆ្លងពីឧបករណ៍មួយទៅឧបករណ៍មួយទៀតបានទេ",
    "reason.ENXIO": "គ្មានឧបករណ៍ ឬអាសយដ្ឋាននេះទេ",
    "reason.ENODEV": "គ្មានឧបករណ៍នេះទេ",
    "reason.ENOMEM": "មិនអាចបម្រុងអង្គចងចាំបានទេ",
    "reason.EINVAL": "អាគុយម៉ង់មិនត្រឹមត្រូវ",
    "reason.EAGAIN": "ធនធានមិនទាន់អាចប្រើបាននៅពេលនេះទេ",
    "reason.EPIPE": "បំពង់ត្រូវបានបិទ",
    "reason.EADDRINUSE": "អាសយដ្ឋាននេះកំពុងត្រូវបានប្រើរួចហើយ",
    "reason.EADDRNOTAVAIL": "មិនអាចប្រើអាសយដ្ឋាននេះបានទេ",
    "reason.ECONNREFUSED": "ការតភ្ជាប់ត្រូវបានបដិសេធ",
    "reason.invalid-start-byte": "មានបៃចាប់ផ្តើមមិនត្រឹមត្រូវ",
    "reason.invalid-continuation-byte": "មានបៃបន្តមិនត្រឹមត្រូវ",
    "reason.unexpected-end-of-data": "ទិន្នន័យចប់មុនពេលកំណត់",
    "reason.changed-meanwhile": "បានផ្លាស់ប្តូរក្នុងពេលនោះ",
}
