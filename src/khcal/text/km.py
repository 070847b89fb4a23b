"""khcal's messages in Khmer, written for Khmer readers. The same keys as en.py.

Whole numbers reach these messages already in Khmer digits (see `khcal.text.say`). The names of the lunar
months, animal years and eras are those printed on Khmer calendars, keyed by the ids the core computes with.
One spelling for each word, the standard of current official texts: the subscript TA as COENG TA (`សប្តាហ៍`,
`កត្តិក`) and `ឱ្យ` (tests/test_khmer_spelling.py). Royal days in the royal register (`ព្រះជន្ម`, `ព្រះវស្សា`).
"""

from __future__ import annotations

from khcal.text import khmer_digits
from khcal.text.km_feeds import MESSAGES as FEED_MESSAGES
from khcal.text.km_help import MESSAGES as HELP_MESSAGES
from khcal.text.km_parsers import MESSAGES as PARSER_MESSAGES
from khcal.text.km_problems import MESSAGES as PROBLEM_MESSAGES
from khcal.text.km_problems import found_kind as _found

TYPE_CHECKING = False
if TYPE_CHECKING:
    from khcal.text import Message

_WEEKDAYS = ("ច័ន្ទ", "អង្គារ", "ពុធ", "ព្រហស្បតិ៍", "សុក្រ", "សៅរ៍", "អាទិត្យ")
# The one- or two-letter weekday abbreviations of Khmer wall calendars.
_WEEKDAY_HEADS = ("ច", "អ", "ពុ", "ព្រ", "សុ", "ស", "អា")
_MONTHS = ("មករា", "កុម្ភៈ", "មីនា", "មេសា", "ឧសភា", "មិថុនា", "កក្កដា", "សីហា", "កញ្ញា", "តុលា", "វិច្ឆិកា",
           "ធ្នូ")  # fmt: skip
_LUNAR_MONTHS = {
    "migasir": "មិគសិរ", "boss": "បុស្ស", "meak": "មាឃ", "phalkun": "ផល្គុន", "cheit": "ចេត្រ",
    "pisakh": "ពិសាខ", "jesth": "ជេស្ឋ", "asadh": "អាសាឍ", "pathamasadh": "បឋមាសាឍ",
    "tutiyasadh": "ទុតិយាសាឍ", "srap": "ស្រាពណ៍", "photrobot": "ភទ្របទ", "assoch": "អស្សុជ",
    "kadeuk": "កត្តិក",
}  # fmt: skip
_ANIMALS = {
    "rat": "ជូត", "ox": "ឆ្លូវ", "tiger": "ខាល", "rabbit": "ថោះ", "dragon": "រោង", "snake": "ម្សាញ់",
    "horse": "មមី", "goat": "មមែ", "monkey": "វក", "rooster": "រកា", "dog": "ច", "pig": "កុរ",
}  # fmt: skip
# The eras (sak) by the last digit of the Jolak Sakaraj year.
_SAKS = ("សំរឹទ្ធិស័ក", "ឯកស័ក", "ទោស័ក", "ត្រីស័ក", "ចត្វាស័ក", "បញ្ចស័ក", "ឆស័ក", "សប្តស័ក", "អដ្ឋស័ក",
         "នព្វស័ក")  # fmt: skip
_CATEGORIES = {
    "national": "ជាតិ",
    "royal": "ព្រះរាជពិធី",
    "religious": "សាសនា",
    "traditional": "ប្រពៃណី",
    "remembrance": "ការរំលឹក",
    "international": "អន្តរជាតិ",
    "holy-day": "ថ្ងៃសីល",
}

NAMES: dict[str, Message] = {
    **{f"weekday.{i}": name for i, name in enumerate(_WEEKDAYS)},
    # Khmer weekday names are short enough to be written in full everywhere.
    **{f"weekday.short.{i}": name for i, name in enumerate(_WEEKDAYS)},
    **{f"weekday.head.{i}": name for i, name in enumerate(_WEEKDAY_HEADS)},
    **{f"month.{i}": name for i, name in enumerate(_MONTHS, start=1)},
    **{f"month.short.{i}": name for i, name in enumerate(_MONTHS, start=1)},
    **{f"lunar-month.{m}": name for m, name in _LUNAR_MONTHS.items()},
    **{f"animal.{a}": name for a, name in _ANIMALS.items()},
    **{f"sak.{i}": name for i, name in enumerate(_SAKS)},
    **{f"category.{c}": name for c, name in _CATEGORIES.items()},
    "phase.waxing": "កើត",
    "phase.waning": "រោច",
    "phase.letter.waxing": "ក",
    "phase.letter.waning": "រ",
    "new-year.songkran": "មហាសង្ក្រាន្ត",
    "new-year.vanabat": "វារៈវ័នបត",
    "new-year.leungsak": "វារៈឡើងស័ក",
    "holy-day": "ថ្ងៃសីល",
    "sector.public": "សាធារណៈ",
    "sector.private": "ឯកជន",
}

MESSAGES: dict[str, Message] = {
    **NAMES,
    # --- errors: core (definitions, ranges, ids): text/km_problems.py ----------------------------------
    **PROBLEM_MESSAGES,
    # --- errors: settings and options --------------------------------------------------------------------
    "error.setting.empty": "តម្លៃទទេ។ សូមប្រើមួយក្នុងចំណោម {accepted}",
    "error.setting.empty-tz": "តម្លៃទទេ។ សូមប្រើឈ្មោះល្វែងម៉ោង IANA ដូចជា Asia/Phnom_Penh",
    "error.setting.choice": "'{value}' មិនមែនជាមួយក្នុងចំណោម {choices} ទេ",
    "error.setting.tz": "មិនស្គាល់ល្វែងម៉ោង '{value}' ទេ (សូមប្រើឈ្មោះ IANA ដូចជា Asia/Phnom_Penh)",
    "error.setting.weekend-empty": "តម្លៃទទេ។ សូមប្រើបញ្ជីថ្ងៃដែលខណ្ឌដោយក្បៀស {days} (ឧ. sat,sun) ឬ none",
    "error.setting.weekend": "{problem}",
    "error.setting.category": "'{value}' មិនមែនជាប្រភេទទិវាទេ (ប្រភេទដែលមាន៖ {known})",
    "error.setting.date": "'{value}' មិនមែនជាកាលបរិច្ឆេទទេ (សូមប្រើ YYYY-MM-DD, today, tomorrow, yesterday "
    "ឬថ្ងៃដូចជា 7 Jan 2027 ឬ 2027/1/7)",
    "error.setting.date-ambiguous": lambda value, year: (
        f"'{value}' អាចយល់បានពីរយ៉ាង (ថ្ងៃ និងខែអាចច្រឡំគ្នា)។ "
        f"សូមសរសេរជា YYYY-MM-DD ឬសរសេរខែជាអក្សរ ដូចជា 7 Jan {_typed(year)}"  # an example typed as it is
    ),
    "error.setting.number": "'{value}' មិនមែនជាចំនួនគត់ទេ (សូមប្រើលេខ ដូចជា 3 ឬ -3)",
    "error.setting.number-range": "{value} មិននៅចន្លោះ {low} និង {high} ទេ",
    "error.setting.number-huge": "{value} ជាចំនួនធំពេក",
    "error.setting.host": "'{value}' មិនមែនជាឈ្មោះម៉ាស៊ីន ឬអាសយដ្ឋាន IP ទេ (សូមប្រើ ឧ. 127.0.0.1, 0.0.0.0, ::1 "
    "ឬ localhost)",
    "error.setting.path-empty": "ឈ្មោះទទេ មិនមែនជាឯកសារទេ",
    "error.setting.path": "'{value}' មិនអាចជាឈ្មោះឯកសារបានទេ (វាមានតួអក្សរ NUL)",
    "error.setting.line-long": "បន្ទាត់មួយវែងជាង {most} តួអក្សរ ('{value}')",
    "error.config.folder": "មិនអាចអានថតឯកសារការកំណត់ {path} បានទេ ({reason})",
    "error.config.unreadable": "មិនអាចអានបានទេ ({reason})",
    "error.config.unknown": lambda key, close, keys: (
        f"មិនស្គាល់ការកំណត់ '{key}' ទេ"
        + (f" (តើអ្នកចង់សរសេរ '{close}' ឬ?)" if close else "")
        + f"។ ការកំណត់ដែលមាន៖ {keys}"
    ),
    "error.config.item-type": lambda found, value: f"ត្រូវតែជាបញ្ជីនៃអក្សរ ប៉ុន្តែធាតុមួយជា{_found(found, value)}",
    "error.config.category-name": "'{name}' មិនមែនជាឈ្មោះប្រភេទទេ (អក្សរឡាតាំងតូច លេខ និងសញ្ញា -)",
    "error.config.empty-file": "ឈ្មោះឯកសារទទេ",
    "error.options.together": "{first} និង {second} មិនអាចប្រើជាមួយគ្នាបានទេ",
    "error.format.placeholder": "--format៖ មិនស្គាល់កន្លែងដាក់ {name} ទេ (ប្រើ {known})",
    "error.format.brace": "--format៖ មាន {{ ឬ }} ដែលគ្មានគូ (សរសេរ {{{{ ឬ }}}} សម្រាប់តង្កៀបខ្លួនវា)",
    "error.options.quiet-batch": "-q មិនអាចប្រើជាមួយ '-' បានទេ៖ "
    "ពេលអានពី stdin khcal បង្ហាញចម្លើយមួយបន្ទាត់សម្រាប់កាលបរិច្ឆេទនីមួយៗ",
    "error.options.year-and-range": "--year មិនអាចប្រើជាមួយ --from/--to បានទេ",
    "error.options.range-order": "--from {start} នៅក្រោយ --to {end}",
    "error.options.bound": "'{value}' មិនមែនជាកាលបរិច្ឆេទ ឬឆ្នាំទេ (សូមប្រើ YYYY, YYYY-MM-DD, today, "
    "tomorrow, yesterday ឬថ្ងៃដូចជា 7 Jan 2027 ឬ 2027/1/7)",
    "error.options.month": "{value} មិនមែនជាខែទេ (សូមប្រើពី ១ ដល់ ១២)",
    "error.options.day-and-range": "DATE '{value}' មិនអាចប្រើជាមួយ --from/--to បានទេ (សូមផ្តល់ថ្ងៃមួយ ឬចន្លោះមួយ)",
    "error.options.too-many-days": "{count} ថ្ងៃច្រើនពេកសម្រាប់តារាង (យ៉ាងច្រើន {most} ថ្ងៃ។ "
    "សូមប្រើ --plain ឬ --json សម្រាប់ចន្លោះវែងជាងនេះ)",
    "error.output": "មិនអាចសរសេរលទ្ធផលបានទេ៖ {reason}",
    "error.file": "{path}៖ {reason}",
    "error.usage": "{message} (សូមមើល '{command} --help')",
    "error.where": "{where}៖ {text}",
    "error.parts.separator": "៖ ",
    "error.where.line": "បន្ទាត់ទី {number}",
    "api.extra-off": "ថ្ងៃឈប់សម្រាកផ្ទាល់ខ្លួន",
    "error.api.date": "ត្រូវការកាលបរិច្ឆេទ ប៉ុន្តែបានទទួល {got}",
    "error.api.path": "ត្រូវការផ្លូវឯកសារ (អក្សរ ឬ os.PathLike) ប៉ុន្តែបានទទួល {got}",
    "error.api.text": "ត្រូវការអក្សរ ប៉ុន្តែបានទទួល {got}",
    "error.api.span": "ត្រូវការឆ្នាំ ឬគូកាលបរិច្ឆេទ (ដើម, ចុង) ប៉ុន្តែបានទទួល {got}",
    "error.api.no-date": "{value} មិនមែនជាកាលបរិច្ឆេទដែល khcal អាចគណនាបានទេ",
    "error.api.cache": "ត្រូវការ True, False ឬថតឯកសារ ប៉ុន្តែបានទទួល {got}",
    "error.api.number": "ត្រូវការចំនួនគត់ ប៉ុន្តែបានទទួល {got}",
    "cli.day.off": "ថ្ងៃឈប់សម្រាក",
    "cli.day.weekend": "ចុងសប្តាហ៍",
    "cli.day.work": "ថ្ងៃធ្វើការ",
    "cli.day.private": "សម្រាប់តែវិស័យឯកជន",
    "cli.day.extra": "ថ្ងៃឈប់សម្រាករបស់ក្រុមហ៊ុន (--extra-off)",
    "cli.day.worked-by": "វិស័យសាធារណៈធ្វើការ",
    "cli.sector.private": "វិស័យឯកជន",
    "cli.sector.public": "វិស័យសាធារណៈ",
    "cli.long-weekends.title": "ថ្ងៃឈប់សម្រាកជាប់គ្នាក្នុងឆ្នាំ {year} (ចុងសប្តាហ៍៖ {weekend} · {sector})",
    "cli.long-weekends.days": "{days} ថ្ងៃ",
    "cli.long-weekends.none": "គ្មាន",
    "cli.long-weekends.bridges": "ថ្ងៃស្ពាន (ឈប់មួយថ្ងៃនេះ ដើម្បីភ្ជាប់ថ្ងៃឈប់សម្រាកទាំងសងខាង)",
    "cli.title.next": "ខាងមុខ",
    "cli.check.valid": "{names}៖ ត្រឹមត្រូវ",
    "cli.check.old-revision": "khcal: {where}៖ ការព្រមាន៖ revision {revision} ចាស់ជាងទិន្នន័យដែលភ្ជាប់មកជាមួយ "
    "({builtin}) ប្រតិទិនប្រើកាលបរិច្ឆេទថ្មីជាង (SEQUENCE នៃព្រឹត្តិការណ៍នីមួយៗ តាមខ្លឹមសាររបស់វា)",
    "cli.publish.written": "khcal: {folder}៖ បានសរសេរឯកសារ {written} ក្នុងចំណោម {total}",
    "cli.publish.removed": "khcal: {folder}៖ បានសរសេរឯកសារ {written} ក្នុងចំណោម {total} "
    "និងបានលុបឯកសារ {removed} ពីការបោះពុម្ពផ្សាយមុន",
    # --- errors: feeds -----------------------------------------------------------------------------------
    # --- text: dates, spans, countdowns, anniversaries ---------------------------------------------------
    "name.in-lieu": "ថ្ងៃឈប់សម្រាកសងជំនួស{name}",
    "date": "ទី{day} ខែ{month} ឆ្នាំ{year}",
    "date.weekday": "ថ្ងៃ{weekday} {date}",
    "date.short": "ទី{day} ខែ{month}",
    "span": "{start} ដល់ {end}",
    "span.month": "{start} ដល់ {end}",
    "span.start.month": lambda day, month, year: f"ទី{day} ខែ{month} ឆ្នាំ{year}",
    "span.start.year": lambda day, month, year: f"ទី{day} ខែ{month} ឆ្នាំ{year}",
    "when.today": "ថ្ងៃនេះ",
    "when.tomorrow": "ថ្ងៃស្អែក",
    "when.yesterday": "ម្សិលមិញ",
    "when.future": "{amount}ទៀត",
    "when.past": "{amount}មុន",
    "when.exact-days": "{n} ថ្ងៃទៀត",
    "when.exact-days-ago": "{n} ថ្ងៃមុន",
    "amount.day": "{n} ថ្ងៃ",
    "amount.week": "{n} សប្តាហ៍",
    "amount.month": "{n} ខែ",
    "amount.year": "{n} ឆ្នាំ",
    "amount.years-months": "{years} {months}",
    "anniversary": "ខួបលើកទី {n}",
    "birthday": "ខួបកំណើតគម្រប់ {n} ឆ្នាំ",
    "birthday.royal": "ព្រះជន្មគម្រប់ {n} ព្រះវស្សា",
    "day-off": "ថ្ងៃឈប់សម្រាក",
    "not-day-off": "មិនឈប់សម្រាក",
    "projected": "តាមការគណនា",
    "private-only": "វិស័យឯកជនតែប៉ុណ្ណោះ",
    # --- text: rules and holiday periods -----------------------------------------------------------------
    "rule.fixed": "ថ្ងៃទី{day} ខែ{month} រៀងរាល់ឆ្នាំ",
    "rule.nth-weekday": "ថ្ងៃ{weekday} ទី{n} នៃខែ{month}",
    "rule.nth-weekday.last": "ថ្ងៃ{weekday}ចុងក្រោយនៃខែ{month}",
    "rule.nth-weekday.from-last": "ថ្ងៃ{weekday}ទី{n}ពីចុងខែ{month}",
    "rule.lunar": "ថ្ងៃ {day} {phase} ខែ{month}",
    "rule.lunar.last": "ថ្ងៃ{phase}ចុងក្រោយ ខែ{month}",
    "rule.new-year": "ពីថ្ងៃមហាសង្ក្រាន្ត ដល់ថ្ងៃឡើងស័ក តាមការគណនាសុរិយយាត្រ (៣ ឬ ៤ ថ្ងៃ)",
    "rule.offset.after": "{days} ថ្ងៃក្រោយ {other}",
    "rule.offset.before": "{days} ថ្ងៃមុន {other}",
    "rule.once": "{date}",
    "rule.holy-days": "ថ្ងៃ ៨ កើត ១៥ កើត ៨ រោច និងថ្ងៃចុងក្រោយនៃខែ គ្រប់ខែ",
    "rule.days": "{rule} រយៈពេល {days} ថ្ងៃ",  # no brackets: the rule itself is often in brackets
    "period.every-year": "គ្រប់ឆ្នាំ",
    "period.until": "រហូតដល់ឆ្នាំ{until}",
    "period.since": "ចាប់ពីឆ្នាំ{since}",
    "period.in": "ឆ្នាំ{year}",
    "period.from-to": "ពីឆ្នាំ{since} ដល់{until}",
    "period.day-off": "ថ្ងៃឈប់សម្រាក{years}",
    "period.private": "{text} (វិស័យឯកជន)",
    "period.rule": "{text} ({rule})",
    "period.note": "{text}។ {note}",
    # --- text: lunar dates -------------------------------------------------------------------------------
    "lunar.day": "{day}{phase}",
    "lunar.year": "ឆ្នាំ{animal} {sak} ព.ស. {be}",
    "lunar.date": "{day} ខែ{month} {year}",
    "lunar.date.weekday": "ថ្ងៃ{weekday} {date}",
    "lunar.short": "{day} ខែ{month}",
    "lunar.line": "{gregorian}  {text}",
    "lunar.line.notes": "{line} ({notes})",
    "lunar.notes.separator": " · ",
    # Notes go apart with a middle dot, as Khmer writes no comma; names of one day are joined by "and".
    "separator.notes": " · ",
    "separator.notes.strong": " · ",
    "separator.names": " និង ",
    "lunar.notation": "១៥ក = ១៥ កើត   ៨រ = ៨ រោច",
    "new-year.songkran-line": "{name}៖ {date} ម៉ោង {time} ({source})",
    "new-year.day-line": "{name}៖ {date}",
    "new-year.announced": "តាមការប្រកាសផ្លូវការ",
    "new-year.computed": "តាមការគណនា",
    "new-year.days": "{n} ថ្ងៃ",
    "error.feeds.not-year": "{what}៖ '{value}' មិនមែនជាឆ្នាំទេ (សូមប្រើ YYYY ឧ. 2026)",
    "error.feeds.year-range": "{what}៖ ឆ្នាំ {year} នៅក្រៅចន្លោះដែល khcal គាំទ្រ {low}-{high}",
    "error.feeds.too-long": "--from {start} --to {end}៖ ប្រតិទិនមួយមានបានយ៉ាងច្រើន {most} ឆ្នាំ",
    "error.feeds.served-too-long": "from {start} to {end}៖ ម៉ាស៊ីនបម្រើនេះផ្តល់ប្រតិទិនមួយបានយ៉ាងច្រើន {most} ឆ្នាំ "
    "(khcal export សរសេរប្រតិទិនវែងជាងនេះ)",
    "error.feeds.duration": "{what}៖ '{value}' មិនមែនជារយៈពេលទេ (សូមប្រើ ឧ. -PT15H សម្រាប់ម៉ោង ៩ ព្រឹកថ្ងៃមុន "
    "-P1D សម្រាប់ម៉ោង ១២ យប់ថ្ងៃមុន PT9H សម្រាប់ម៉ោង ៩ ព្រឹកនៅថ្ងៃនោះ)",
    "error.feeds.alarm-far": "{what}៖ '{value}' ឆ្ងាយពីព្រឹត្តិការណ៍ជាងមួយឆ្នាំ",
    "error.feeds.lang": "{what}៖ '{value}' មិនមែនជាមួយក្នុងចំណោម {choices} ទេ",
    "error.feeds.category": "{what}៖ '{value}' មិនមែនជាប្រភេទទិវាទេ (ប្រភេទដែលមាន៖ {known})",
    "error.feeds.output-cannot": "{what} {target}៖ មិនអាចសរសេរបានទេ ({reason})",
    "error.feeds.output-in-folder": "{what} {target}៖ មិនអាចសរសេរក្នុងថត {folder} បានទេ ({reason})",
    "error.feeds.output-empty": "{what}៖ ឈ្មោះទទេ មិនមែនជាឯកសារទេ (- គឺ stdout)",
    "error.feeds.output-folder": "{what} {target}៖ ជាថតឯកសារ មិនមែនជាឯកសារទេ",
    "error.feeds.output-kind": "{what} {target}៖ មិនមែនជាឯកសារធម្មតា ឧបករណ៍ ឬបំពង់ (pipe) ទេ",
    "error.feeds.output-read-only": "{what} {target}៖ ជាឯកសារសម្រាប់តែអាន មិនអាចសរសេរជាន់បានទេ",
    "error.feeds.output-no-reader": "{what} {target}៖ ជាបំពង់ (pipe) ដែលគ្មានកម្មវិធីណាអានទេ",
    "error.feeds.edition-kind": "{what} {target}៖ មិនមែនជាឯកសារធម្មតាទេ (khcal មិនអាន ហើយក៏មិនសរសេរជាន់វាដែរ)",
    "error.feeds.edition-busy": "{folder}៖ khcal មួយទៀតកំពុងសរសេរក្នុងថតនេះ",
    "error.feeds.base-url": "--base-url៖ '{value}' មិនមែនជាអាសយដ្ឋានវេបរបស់ថតទេ "
    "(សូមប្រើ ឧ. https://example.org/calendars)",
    "error.feeds.base-url-chars": "--base-url៖ '{value}' មានតួអក្សរដែលតំណមិនអាចផ្ទុកបាន",
    "error.feeds.folder-empty": "DIR៖ ឈ្មោះទទេ មិនមែនជាថតឯកសារទេ (. គឺជាថតបច្ចុប្បន្ន)",
    "error.feeds.not-folder": "{folder}៖ មិនមែនជាថតឯកសារទេ",
    "error.feeds.mkdir": "{folder}៖ មិនអាចបង្កើតថតឯកសារបានទេ ({reason})",
    "error.feeds.listen": "--host {host} --port {port}៖ មិនអាចរង់ចាំការតភ្ជាប់នៅទីនោះបានទេ ({reason})",
    # --- views: terminal screens -------------------------------------------------------------------------
    "screen.nothing-in-range": "គ្មានទេ",
    "screen.date": "កាលបរិច្ឆេទ",
    "screen.observance": "ឈ្មោះ",
    "screen.when": "គិតពីថ្ងៃនេះ",
    "screen.legend.off": "ថ្ងៃឈប់សម្រាក",
    "screen.legend.observance": "ទិវា/ពិធីបុណ្យ",
    "screen.legend.holy": "ថ្ងៃសីល",
    "screen.legend.projected": "តាមការគណនា (មិនទាន់មានអនុក្រឹត្យ)",
    "screen.legend.today": "ថ្ងៃនេះ៖ {date}",
    "screen.rule": "ក្បួន",
    "screen.history": "ប្រវត្តិ",
    "screen.sources": "ប្រភព",
    "screen.never-off": "មិនមែនជាថ្ងៃឈប់សម្រាកទេ",
    "screen.decreed-exception": "ករណីពិសេសតាមសេចក្តីសម្រេច",
    "screen.year-note": "{year}៖ {text}",
    "screen.in-year": "ឆ្នាំ{year}",
    "screen.next-dates": "កាលបរិច្ឆេទបន្ទាប់",
    "screen.none": "គ្មាន",
    "screen.coming-up": "ខាងមុខ",
    "screen.nothing": "គ្មាន",
    "screen.today": "ថ្ងៃនេះ៖ {name}",
    "screen.day-off": "ថ្ងៃឈប់សម្រាក៖ {names}",
    "screen.weekend": "ថ្ងៃចុងសប្តាហ៍",
    "screen.working-day": "ថ្ងៃធ្វើការ",
    "line.day-off": "ថ្ងៃឈប់សម្រាក៖ {names}",
    "line.next": "{name} {when}",
    "line.weekend": "ចុងសប្តាហ៍",
    "line.working-day": "ថ្ងៃធ្វើការ",
    "screen.coming": "{name} {date}៖ {when}",
    "screen.details": "{text} ({details})",
    "screen.lunar-date": "ចន្ទគតិ",
    "screen.day": "ថ្ងៃ",
    "screen.year": "ឆ្នាំ",
    "screen.era": "ស័ក",
    "screen.be": "ព.ស.",
    # --- scripts: is-holiday, is-workday, long-weekends ----------------------------------------------------
    "script.day-off": "ថ្ងៃឈប់សម្រាក",
    "script.weekend": "ចុងសប្តាហ៍",
    "script.working-day": "ថ្ងៃធ្វើការ",
    "script.private": "{name} សម្រាប់តែវិស័យឯកជន",
    "script.extra": "ថ្ងៃឈប់សម្រាករបស់ក្រុមហ៊ុន (--extra-off)",
    "script.worked-by": "{names}៖ វិស័យសាធារណៈធ្វើការ",
    "script.head": lambda day, weekday: f"{khmer_digits(day)} {weekday}",
    "script.line": "{head}៖ {what}",
    "script.line.off": "{head}៖ {what} ({names})",  # one ៖ a line
    "script.line.note": "{head}៖ {what} ({note})",
    "script.long-weekends": "ថ្ងៃឈប់សម្រាកជាប់គ្នាក្នុងឆ្នាំ{year} (ចុងសប្តាហ៍៖ {weekend} · វិស័យ{sector})",
    "script.bridges": "ថ្ងៃស្ពាន (ឈប់មួយថ្ងៃ ដើម្បីភ្ជាប់ថ្ងៃឈប់សម្រាកនៅសងខាង)",
    "script.none": "គ្មាន",
    "script.day": "{day} {weekday}",
    "script.span": lambda first, last, days: f"{first} .. {last}  {days:>2} ថ្ងៃ",
    "script.weekend-days": lambda option, names: names or "គ្មាន",
    "script.company-day-off": "ថ្ងៃឈប់សម្រាករបស់ក្រុមហ៊ុន",
    # --- the feed server's bad requests (khcal.feeds.app) -------------------------------------------------
    "error.feeds.query": "query៖ {reason}",
    "error.feeds.query-long": "query វែងជាង {most} តួអក្សរ",
    "error.feeds.unknown-parameter": "មិនស្គាល់ប៉ារ៉ាម៉ែត្រ '{key}' ទេ (ដែលស្គាល់៖ {known})",
    "error.feeds.parameter-twice": "ប៉ារ៉ាម៉ែត្រ '{key}' ត្រូវបានផ្តល់ឱ្យច្រើនជាងម្តង",
    "error.feeds.holidays": "holidays៖ '{value}' មិនមែន 1 ឬ 0 ទេ",
    **FEED_MESSAGES,  # the feeds' texts and pages: text/km_feeds.py
    **HELP_MESSAGES,  # the command line's help: text/km_help.py
    **PARSER_MESSAGES,  # what the command line's parser and the TOML reader say: text/km_parsers.py
}


_LATIN_DIGITS = str.maketrans("០១២៣៤៥៦៧៨៩", "0123456789")


def _typed(value: str) -> str:
    """A number in an example the reader types: in the digits khcal reads (say() gave it in Khmer)."""
    return value.translate(_LATIN_DIGITS)
