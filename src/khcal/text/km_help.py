"""The Khmer of the command line's help, written for Khmer readers: each command's and option's text, the
help's own headings, and the index of `khcal help`. Part of the Khmer table (`khcal.text.km`), with the same
keys as en_help.py.

What the reader types stays as it is typed: option names, ids, file names, metavars (DATE, ZONE), the
examples, the date forms khcal reads (YYYY-MM-DD, today, 7 Jan 2027) and the values of options (sat,sun,
remembrance). Counts and ranges in the prose are in Khmer digits, as on the screens. A space stands where
a Khmer writer pauses (between phrases and clauses, around a number or a word in Latin letters), never as
a hint for wrapping: the help pages wrap between words by themselves.
"""

from __future__ import annotations

from khcal.text import khmer_digits

TYPE_CHECKING = False
if TYPE_CHECKING:
    from khcal.text import Message

_DATE_FORMS = "YYYY-MM-DD, today, tomorrow, yesterday"
_DAY = f"{_DATE_FORMS} ឬ ឧ. 7 Jan 2027 (លំនាំដើម៖ ថ្ងៃនេះ)។"
_STDIN = " - មានន័យថា អានកាលបរិច្ឆេទមួយបន្ទាត់ម្តងពី stdin។"
_FEED_FROM = "ឆ្នាំ ឬថ្ងៃដំបូង (លំនាំដើម៖ ឆ្នាំនេះ)។ ប្រតិទិនមួយមានបានយ៉ាងច្រើន ១០០ ឆ្នាំ។ ឧទាហរណ៍៖ --from 2026"
_FEED_TO = "ឆ្នាំ ឬថ្ងៃចុងក្រោយ (លំនាំដើម៖ ពីរឆ្នាំក្រោយ --from។ ប្រតិទិនមួយមានបានយ៉ាងច្រើន ១០០ ឆ្នាំ)។ ឧទាហរណ៍៖ --to 2028-06-30"

COMMANDS: dict[str, Message] = {
    "help.khcal": "ថ្ងៃឈប់សម្រាកសាធារណៈ កាលបរិច្ឆេទចន្ទគតិខ្មែរ និងទិវារំលឹករបស់ប្រទេសកម្ពុជា។\n\n"
    "ឧទាហរណ៍៖\n\n"
    "  khcal next\n\n"
    "  khcal today\n\n"
    "  khcal cal 2026 4 --lunar\n\n"
    "  khcal show victory-over-genocide\n\n"
    "  khcal list --year 2026 --holidays\n\n"
    "មើលបន្ថែម៖ khcal ពាក្យបញ្ជា --help, khcal help definitions, khcal help config",
    "help.next": "ទិវា និងពិធីបុណ្យ N ខាងមុខចាប់ពីថ្ងៃនេះ ព្រមទាំងចំនួនថ្ងៃនៅសល់។ "
    "ទិវាដែលកំពុងប្រព្រឹត្តទៅនៅថ្ងៃនេះ ក៏រាប់បញ្ចូលដែរ។\n\n"
    "ឧទាហរណ៍៖\n\n"
    "  khcal next\n\n"
    "  khcal next 10 --holidays\n\n"
    "  khcal next --today 2026-01-02 --json",
    "help.list": "ទិវា និងពិធីបុណ្យក្នុងមួយឆ្នាំ (លំនាំដើម៖ ឆ្នាំនេះ) ឬក្នុងចន្លោះថ្ងៃ ឬចន្លោះឆ្នាំ។\n\n"
    "ឧទាហរណ៍៖\n\n"
    "  khcal list --year 2026 --holidays\n\n"
    "  khcal list --from 2025 --to 2027 --category remembrance\n\n"
    "  khcal list --from 2026-04-01 --to 2026-04-30 --json",
    "help.show": "ទិវាមួយ៖ ឈ្មោះ ការពិពណ៌នា ក្បួន ប្រវត្តិ ប្រភព កាលបរិច្ឆេទបន្ទាប់ និងចំនួនថ្ងៃនៅសល់។\n\n"
    "ឧទាហរណ៍៖\n\n"
    "  khcal show victory-over-genocide\n\n"
    "  khcal show khmer-new-year --year 2024\n\n"
    "  khcal show pchum-ben --lang km --json",
    "help.cal": "ប្រតិទិនមួយខែ (ឬពេញមួយឆ្នាំ) ដែលសម្គាល់ថ្ងៃឈប់សម្រាក ទិវា និងថ្ងៃសីល។\n\n"
    "ឧទាហរណ៍៖\n\n"
    "  khcal cal\n\n"
    "  khcal cal 2026 4 --lunar\n\n"
    "  khcal cal 2026 --lang km\n\n"
    "បើគ្មាន YEAR៖ ខែនេះ។ បើមានតែ YEAR៖ ដប់ពីរខែនៃឆ្នាំនោះ។ ថ្ងៃឈប់សម្រាកត្រូវបានសម្គាល់ជានិច្ច "
    "ទោះបីជាមានតម្រងក៏ដោយ៖ --holidays និង --category ជ្រើសរើសទិវាដែលត្រូវសម្គាល់ និងរាយនាម។",
    "help.today": "កាលបរិច្ឆេទថ្ងៃនេះ កាលបរិច្ឆេទចន្ទគតិរបស់វា ថាតើជាថ្ងៃឈប់សម្រាកឬទេ "
    "និងអ្វីដែលនឹងមកដល់ខាងមុខ។ ឬទាំងអស់នេះក្នុងមួយបន្ទាត់ សម្រាប់របារស្ថានភាព "
    "ឬប្រអប់បញ្ចូលពាក្យបញ្ជា (--short, --format, --waybar)។\n\n"
    "ឧទាហរណ៍៖\n\n"
    "  khcal today\n\n"
    "  khcal today --lang km\n\n"
    "  khcal today --today 2026-04-14 --json\n\n"
    "  khcal today --short\n\n"
    "  khcal today --format '{{name}} {{countdown}} | {{lunar}}'\n\n"
    "  khcal today --waybar --lang km",
    "help.lunar": "កាលបរិច្ឆេទចន្ទគតិខ្មែរនៃថ្ងៃមួយ ឬនៃគ្រប់ថ្ងៃក្នុងចន្លោះមួយ។\n\n"
    "បង្ហាញថ្ងៃនៃសប្តាហ៍ ថ្ងៃចន្ទគតិ និងកើតឬរោច ខែចន្ទគតិ ឆ្នាំសត្វ ស័ក និងឆ្នាំពុទ្ធសករាជ "
    "ដូចប្រតិទិនខ្មែរបោះពុម្ព។ ថ្ងៃសីល និងថ្ងៃបុណ្យចូលឆ្នាំខ្មែរត្រូវបានសម្គាល់។\n\n"
    "ឧទាហរណ៍៖\n\n"
    "  khcal lunar\n\n"
    "  khcal lunar 2026-05-01 --lang km\n\n"
    "  khcal lunar --from 2026-04-01 --to 2026-04-30\n\n"
    "  khcal lunar --from 2026 --to 2027 --plain\n\n"
    "  khcal lunar 2024-05-22 --json",
    "help.export": "ប្រតិទិន iCalendar (.ics) នៃទិវា និងពិធីបុណ្យក្នុងចន្លោះឆ្នាំមួយ "
    "សម្រាប់កម្មវិធីប្រតិទិន និងទូរស័ព្ទ។\n\n"
    "ព្រឹត្តិការណ៍ពេញមួយថ្ងៃមួយសម្រាប់ទិវានីមួយៗ ដែលមាន UID មិនប្រែប្រួលពីការនាំចេញមួយទៅការនាំចេញមួយទៀត "
    "ដូច្នេះការនាំចូល ឬការជាវម្តងទៀត ធ្វើបច្ចុប្បន្នភាពព្រឹត្តិការណ៍ដោយមិនចម្លងស្ទួនទេ។ "
    "ទិន្នន័យបញ្ចូលដូចគ្នា ផ្តល់លទ្ធផលដូចគ្នាគ្រប់បៃជានិច្ច។\n\n"
    "ឧទាហរណ៍៖\n\n"
    "  khcal export -o cambodia.ics\n\n"
    "  khcal export --from 2026 --to 2030 --holidays --lang km -o days-off-km.ics\n\n"
    "  khcal export --category remembrance --alarm -PT15H > remembrance.ics\n\n"
    "  khcal export --from 2026-11-28 --to 2028-11-27 -o two-years.ics",
    "help.serve": "ផ្តល់ប្រតិទិនតាម HTTP នៅ /khcal.ics ដើម្បីឱ្យទូរស័ព្ទ និងកម្មវិធីប្រតិទិនជាវបាន។\n\n"
    "សំណួរទទួលជម្រើសដូច khcal export ឧ. ?lang=km&holidays=1&from=2026&to=2028 "
    "ព្រមទាំង category (អាចដាក់ច្រើនដង) និង alarm (ចន្លោះលំនាំដើម៖ ឆ្នាំនេះ និងពីរឆ្នាំបន្ទាប់ តាម --tz។ "
    "ប្រតិទិនមួយមានបានយ៉ាងច្រើន ៣០ ឆ្នាំ ហើយការរំលឹកនៅឆ្ងាយពីព្រឹត្តិការណ៍យ៉ាងច្រើនមួយឆ្នាំ៖ "
    "សំណើផ្សេងពីនេះទទួលបានចម្លើយ ៤០០)។ ទំព័រនៅ / បង្ហាញតំណសម្រាប់ជាវ។ "
    "ដំណើរការលើ waitress៖ ខ្សែស្រឡាយមានចំនួនកំណត់ ការតភ្ជាប់ទំនេរត្រូវបិទក្រោយ ៣០ វិនាទី "
    "ប្រតិទិនត្រូវបានរក្សាទុកក្នុងឃ្លាំងសម្ងាត់ (បង្រួមដោយ gzip សម្រាប់កម្មវិធីដែលទទួលវា)។ "
    "ឈ្មោះម៉ាស៊ីនដែលមានអាសយដ្ឋានច្រើននៅក្នុង --host ស្តាប់នៅលើអាសយដ្ឋាននីមួយៗរបស់វា (ឧ. 127.0.0.1 និង ::1)។ "
    "សំណើនីមួយៗត្រូវបានកត់ត្រានៅលើ stderr។ Ctrl-C បញ្ឈប់វា។\n\n"
    "ឧទាហរណ៍៖\n\n"
    "  khcal serve\n\n"
    "  khcal serve --port 8080 --lang km\n\n"
    "  khcal serve --host 0.0.0.0 --port 8000 --file company.toml\n\n"
    "  khcal serve --port 8000 --trust-proxy   (នៅពីក្រោយ nginx ឬប្រូកស៊ីបញ្ច្រាសផ្សេងទៀត)",
    "help.publish": "គេហទំព័រឋិតិវន្តពេញលេញមួយ សម្រាប់ម៉ាស៊ីនបម្រើវេបណាមួយ៖ ប្រតិទិនមួយ "
    "សម្រាប់ភាសា និងការជ្រើសរើសនីមួយៗ ទំព័រសម្រាប់ជាវ ប្រតិទិនប្រចាំឆ្នាំសម្រាប់បោះពុម្ព "
    "ទំព័រមួយសម្រាប់ទិវានីមួយៗ និង JSON សម្រាប់កម្មវិធីកុំព្យូទ័រ។\n\n"
    "DIR ទទួលបាន cambodia-SELECTION.LANG.ics ដែល SELECTION ជា everything, days-off, remembrance "
    "និង buddhist ជាភាសា en និង km · index.html និង index.km.html (តំណ webcal:// Google Calendar "
    "និង https:// កូដ QR មួយសម្រាប់ប្រតិទិននីមួយៗ និងជំហានសម្រាប់ Google Calendar, Apple Calendar "
    "និង Outlook) · calendar/YEAR.html, days/ID.html, json/YEAR.json និង api/v3/PublicHolidays/YEAR/KH "
    "(តាមទម្រង់ Nager.Date) · និងច្បាប់ចម្លង .gz នៃឯកសារនីមួយៗ។ "
    "មានតែឯកសារដែលខ្លឹមសារប្រែប្រួលទេ ដែលត្រូវសរសេរឡើងវិញ ដូច្នេះម៉ាស៊ីនបម្រើ ឬ CDN "
    "មិនឃើញការផ្លាស់ប្តូរដែលមិនពិតទេ · khcal serve ឆ្លើយផ្លូវដដែលទាំងនេះ។ "
    "ឆ្នាំដូចក្នុង khcal export (យ៉ាងច្រើន ១០០ ឆ្នាំ)។\n\n"
    "ឧទាហរណ៍៖\n\n"
    "  khcal publish site --base-url https://example.org/calendars\n\n"
    "  khcal publish /var/www/khcal --base-url https://cal.example.org --from 2025 --to 2030",
    "help.check": "ពិនិត្យឯកសារនិយមន័យ៖ ចេញដោយកូដ ០ បើត្រឹមត្រូវ ឬ ២ ដោយរាយបញ្ហាទាំងអស់។\n\n"
    "ឯកសារនីមួយៗត្រូវបានអានដោយឡែក ហើយពិនិត្យធៀបនឹងបញ្ជីទិវាដែលភ្ជាប់មកជាមួយ khcal "
    "ដែលវានឹងត្រូវបញ្ចូលពីលើ។ ការព្រមានមួយ (កូដចេញនៅតែ ០) ដាក់ឈ្មោះឯកសារ "
    "ដែល revision របស់វាចាស់ជាងទិន្នន័យដែលភ្ជាប់មកជាមួយ។\n\n"
    "ឧទាហរណ៍៖\n\n"
    "  khcal check company.toml\n\n"
    "  khcal check data/observances.toml ~/.config/khcal/extra.toml\n\n"
    "  khcal check company.toml --lang km",
    "help.help": "ទំព័រជំនួយលម្អិត៖ ទម្រង់ឯកសារនិយមន័យ និងឯកសារការកំណត់។\n\n"
    "ឧទាហរណ៍៖\n\n"
    "  khcal help definitions\n\n"
    "  khcal help config\n\n"
    "  khcal help config --lang km\n\n"
    "  khcal help definitions | less",
    "help.is-holiday": "ចេញដោយកូដ ០ បើ DATE ជាថ្ងៃឈប់សម្រាក (ថ្ងៃបុណ្យសាធារណៈ ឬថ្ងៃឈប់សម្រាកសងជំនួស) "
    "១ បើមិនមែន និង ២ បើទិន្នន័យបញ្ចូលមិនត្រឹមត្រូវ។\n\n"
    "នៅទីនេះ ថ្ងៃចុងសប្តាហ៍មិនរាប់ជាថ្ងៃឈប់សម្រាកទេ (សូមមើល khcal is-workday)។ "
    "ជាមួយ - វាអានកាលបរិច្ឆេទមួយបន្ទាត់ម្តងពី stdin ហើយបង្ហាញ DATE<TAB>yes|no "
    "សម្រាប់នីមួយៗ (JSON Lines ជាមួយ --json)។ បន្ទាត់ខុសត្រូវបានរាយការណ៍នៅលើ stderr "
    "បន្ទាត់ផ្សេងទៀតនៅតែទទួលបានចម្លើយ ហើយកូដចេញគឺ ២។ បើគ្មានបន្ទាត់ខុសទេ កូដចេញគឺ ០។\n\n"
    "ឧទាហរណ៍៖\n\n"
    "  khcal is-holiday 2026-04-14\n\n"
    '  khcal is-holiday -q && echo "closed today"\n\n'
    "  printf '2026-04-14\\n2026-04-20\\n' | khcal is-holiday - --json",
    "help.is-workday": "ចេញដោយកូដ ០ បើ DATE ជាថ្ងៃធ្វើការ (មិនមែនថ្ងៃចុងសប្តាហ៍ មិនមែនថ្ងៃឈប់សម្រាក) "
    "១ បើមិនមែន និង ២ បើទិន្នន័យបញ្ចូលមិនត្រឹមត្រូវ។\n\n"
    "ជាមួយ - វាអានកាលបរិច្ឆេទមួយបន្ទាត់ម្តងពី stdin ហើយបង្ហាញ DATE<TAB>yes|no "
    "សម្រាប់នីមួយៗ (JSON Lines ជាមួយ --json)។ បន្ទាត់ខុសត្រូវបានរាយការណ៍នៅលើ stderr "
    "បន្ទាត់ផ្សេងទៀតនៅតែទទួលបានចម្លើយ ហើយកូដចេញគឺ ២។ បើគ្មានបន្ទាត់ខុសទេ កូដចេញគឺ ០។\n\n"
    "ឧទាហរណ៍៖\n\n"
    "  khcal is-workday -q && run-payroll\n\n"
    "  khcal is-workday 2026-04-18 --weekend sun\n\n"
    "  khcal is-workday 2018-04-17 --sector public --json",
    "help.long-weekends": "ថ្ងៃឈប់សម្រាកជាប់គ្នា ៣ ថ្ងៃ ឬច្រើនជាងនេះ (រាប់បញ្ចូលទាំងថ្ងៃចុងសប្តាហ៍) "
    "និងថ្ងៃស្ពានដែលអាចធ្វើឱ្យមានថ្ងៃឈប់សម្រាកជាប់គ្នាបែបនេះ។\n\n"
    "ថ្ងៃស្ពាន គឺជាថ្ងៃធ្វើការតែមួយ នៅចន្លោះថ្ងៃឈប់សម្រាកពីរដំណាក់៖ "
    "បើឈប់ថ្ងៃនោះ ថ្ងៃឈប់សម្រាកទាំងពីរភ្ជាប់គ្នា ទៅជាថ្ងៃឈប់សម្រាក ៣ ថ្ងៃ ឬច្រើនជាងនេះ។\n\n"
    "ឧទាហរណ៍៖\n\n"
    "  khcal long-weekends\n\n"
    "  khcal long-weekends --year 2026 --weekend sun\n\n"
    "  khcal long-weekends --year 2025 --json",
    "help.workdays": "ការគណនាថ្ងៃធ្វើការ៖ ថ្ងៃធ្វើការរំលងថ្ងៃចុងសប្តាហ៍ និងថ្ងៃឈប់សម្រាក។\n\n"
    "ឧទាហរណ៍៖\n\n"
    "  khcal workdays count 2026-04-01 2026-04-30\n\n"
    "  khcal workdays add today 3\n\n"
    "  khcal workdays next 2026-04-10 --weekend sun",
    "help.workdays.count": "បង្ហាញចំនួនថ្ងៃធ្វើការពី A ដល់ B ដោយរាប់បញ្ចូលទាំងពីរថ្ងៃ "
    "(លំដាប់នៃ A និង B មិនសំខាន់ទេ)។\n\n"
    "ឧទាហរណ៍៖\n\n"
    "  khcal workdays count 2026-04-01 2026-04-30\n\n"
    "  khcal workdays count today 2026-12-31 --weekend sun",
    "help.workdays.add": "បង្ហាញកាលបរិច្ឆេទ N ថ្ងៃធ្វើការក្រោយ DATE "
    "(មុន DATE បើ N អវិជ្ជមាន។ មិនរាប់ DATE ខ្លួនឯងទេ)។\n\n"
    "បើ N ស្មើ ០ បង្ហាញ DATE បើវាជាថ្ងៃធ្វើការ បើមិនមែនទេ បង្ហាញថ្ងៃធ្វើការបន្ទាប់។\n\n"
    "ឧទាហរណ៍៖\n\n"
    "  khcal workdays add today 3\n\n"
    "  khcal workdays add 2026-04-20 -5\n\n"
    "  khcal workdays add 2026-04-10 1 --weekend sun",
    "help.workdays.next": "បង្ហាញថ្ងៃធ្វើការដំបូងបង្អស់ក្រោយ DATE (លំនាំដើម៖ ថ្ងៃនេះ)។\n\n"
    "ឧទាហរណ៍៖\n\n"
    "  khcal workdays next\n\n"
    "  khcal workdays next 2026-04-10 --weekend sun",
    "help.workdays.prev": "បង្ហាញថ្ងៃធ្វើការចុងក្រោយមុន DATE (លំនាំដើម៖ ថ្ងៃនេះ)។\n\n"
    "ឧទាហរណ៍៖\n\n"
    "  khcal workdays prev\n\n"
    "  khcal workdays prev 2026-04-17 --extra-off 2026-04-13",
}

OPTIONS: dict[str, Message] = {
    # --- shared by every command that has them -----------------------------------------------------------
    "help.any.--help": "បង្ហាញសារនេះ ហើយចេញ។",
    "help.any.--today": f"យក DATE ជាថ្ងៃនេះ ({_DATE_FORMS}, 7 Jan 2027, 2027/1/7)។ ឧទាហរណ៍៖ --today 2026-01-02",
    "help.any.--tz": "ល្វែងម៉ោង IANA ដែលកំណត់ថាថ្ងៃនេះជាថ្ងៃណា (លំនាំដើម៖ KHCAL_TZ ឬ tz ក្នុង config.toml "
    "បើមិនមានទេ Asia/Phnom_Penh)។ ឧទាហរណ៍៖ --tz Europe/Paris",
    "help.any.--lang": "ភាសា (លំនាំដើម៖ KHCAL_LANG ឬ lang ក្នុង config.toml បើមិនមានទេ en)។ ឧទាហរណ៍៖ --lang km",
    "help.any.--file": "ឯកសារនិយមន័យបន្ថែម ដែលបញ្ចូលពីលើបញ្ជីទិវាដែលភ្ជាប់មកជាមួយ khcal "
    "(អាចដាក់ច្រើនដង)។ ឧទាហរណ៍៖ --file company.toml",
    "help.any.--holidays": "តែថ្ងៃឈប់សម្រាកប៉ុណ្ណោះ។ ឧទាហរណ៍៖ --holidays",
    "help.any.--category": "តែប្រភេទនេះ (អាចដាក់ច្រើនដង)៖ national, royal, religious, traditional, "
    "remembrance, international, holy-day។ ឧទាហរណ៍៖ --category remembrance",
    "help.any.--json": "លទ្ធផលសម្រាប់កម្មវិធីអាន (JSON)។ ឧទាហរណ៍៖ --json",
    "help.any.--color": "មានពណ៌ជានិច្ច ឬគ្មានពណ៌ជានិច្ច (លំនាំដើម៖ មានពណ៌ពេលលទ្ធផលចេញទៅស្ថានីយ "
    "លើកលែងតែ NO_COLOR ត្រូវបានកំណត់ ឬ FORCE_COLOR ស្នើឱ្យមាន។ ជម្រើសទាំងនេះ "
    "មានអាទិភាពលើអថេរទាំងពីរ)។ ឧទាហរណ៍៖ --no-color",
    "help.any.--weekend": "ថ្ងៃចុងសប្តាហ៍៖ បញ្ជីដែលខណ្ឌដោយក្បៀស ពី mon ដល់ sun ឬ none "
    "(លំនាំដើម៖ weekend ក្នុងឯកសារការកំណត់ បើមិនមានទេ sat,sun។ sun សម្រាប់កន្លែងធ្វើការ "
    "ប្រាំមួយថ្ងៃក្នុងមួយសប្តាហ៍)។ ឧទាហរណ៍៖ --weekend sun",
    "help.any.--extra-off": "ថ្ងៃឈប់សម្រាកផ្ទាល់ខ្លួន ដូចជាថ្ងៃឈប់សម្រាករបស់ក្រុមហ៊ុន (អាចដាក់ច្រើនដង)។ "
    "ឧទាហរណ៍៖ --extra-off 2026-12-24",
    "help.any.--sector": "ថ្ងៃឈប់សម្រាករបស់អ្នកណាដែលត្រូវរាប់។ private (លំនាំដើម)៖ គ្រប់ថ្ងៃឈប់សម្រាក "
    "រួមទាំងថ្ងៃឈប់សម្រាកសងជំនួស ដែលមានតែកម្មករវិស័យឯកជនទេដែលបានឈប់ ក្នុងឆ្នាំ ២០១៨-២០២១។ "
    "public៖ ថ្ងៃសងជំនួសទាំងនោះជាថ្ងៃធ្វើការ។ ឧទាហរណ៍៖ --sector public",
    "help.any.--quiet": "មិនបង្ហាញអ្វីទាំងអស់៖ មានតែកូដចេញប៉ុណ្ណោះ។ ឧទាហរណ៍៖ -q",
    # --- the program's own -------------------------------------------------------------------------------
    "help.khcal.--version": "បង្ហាញកំណែ ហើយចេញ។",
    "help.khcal.--install-completion": "ដំឡើងការបំពេញពាក្យស្វ័យប្រវត្តិសម្រាប់សែលបច្ចុប្បន្ន។",
    "help.khcal.--show-completion": "បង្ហាញការបំពេញពាក្យស្វ័យប្រវត្តិសម្រាប់សែលបច្ចុប្បន្ន ដើម្បីចម្លង ឬកែសម្រួលការដំឡើង។",
    # --- one command's own -------------------------------------------------------------------------------
    "help.next.count": "ចំនួនទិវា ពី ១ ដល់ ១០០០០ (លំនាំដើម ៥)។",
    "help.list.--year": "ពេញមួយឆ្នាំ (លំនាំដើម៖ ឆ្នាំនេះ)។ ឧទាហរណ៍៖ --year 2026",
    "help.list.--ids": "លេខសម្គាល់ទិវានីមួយៗ ជាមួយឈ្មោះរបស់វា មួយបន្ទាត់ម្តង។ ឧទាហរណ៍៖ --ids",
    "help.list.--from": "ថ្ងៃ ឬឆ្នាំដំបូង ដោយរាប់បញ្ចូល។ ឧទាហរណ៍៖ --from 2025-06-01",
    "help.list.--to": "ថ្ងៃ ឬឆ្នាំចុងក្រោយ ដោយរាប់បញ្ចូល។ ឧទាហរណ៍៖ --to 2027",
    "help.show.ident": "លេខសម្គាល់ទិវា ឧ. pchum-ben។",
    "help.show.--year": "បង្ហាញកាលបរិច្ឆេទនៃឆ្នាំ Y។ ឧទាហរណ៍៖ --year 2024",
    "help.show.--count": "ចំនួនកាលបរិច្ឆេទបន្ទាប់ ពី ១ ដល់ ១០០។ ឧទាហរណ៍៖ --count 5",
    "help.cal.year_text": "ឆ្នាំមួយ៖ ពេញមួយឆ្នាំ បីខែក្នុងមួយជួរ។",
    "help.cal.month_text": "ខែមួយនៃ YEAR ពី ១ ដល់ ១២។",
    "help.cal.--lunar": "ថ្ងៃចន្ទគតិខ្មែរនៅក្រោមកាលបរិច្ឆេទនីមួយៗ។ ឧទាហរណ៍៖ --lunar",
    "help.cal.--sunday": "សប្តាហ៍ចាប់ផ្តើមពីថ្ងៃអាទិត្យ (លំនាំដើម៖ ថ្ងៃច័ន្ទ)។ ឧទាហរណ៍៖ --sunday",
    "help.today.--count": "ចំនួនទិវាខាងមុខ ពី ១ ដល់ ១០០។ ឧទាហរណ៍៖ --count 5",
    "help.today.--short": "មួយបន្ទាត់៖ ថ្ងៃឈប់សម្រាក ឬទិវានៃថ្ងៃនេះ បើមិនមានទេ ទិវាបន្ទាប់ "
    "ជាមួយចំនួនថ្ងៃនៅសល់ និងកាលបរិច្ឆេទចន្ទគតិ។ ឧទាហរណ៍៖ --short",
    "help.today.--format": "មួយបន្ទាត់តាមទម្រង់ផ្ទាល់ខ្លួន។ កន្លែងដាក់៖ {{event}} {{name}} {{countdown}} "
    "{{status}} {{date}} {{iso}} {{weekday}} {{lunar}} {{lunar_full}}។ {{{{ និង }}}} សម្រាប់តង្កៀប។ "
    "ឧទាហរណ៍៖ --format '{{name}} {{countdown}}'",
    "help.today.--waybar": "បន្ទាត់នោះ តាមរបៀបដែលម៉ូឌុលផ្ទាល់ខ្លួនរបស់ waybar អាន៖ JSON ដែលមាន "
    "text, tooltip, class និង alt (--format កំណត់ទម្រង់ text)។ ឧទាហរណ៍៖ --waybar",
    "help.lunar.day": "ថ្ងៃ៖ YYYY-MM-DD, today ឬ tomorrow (លំនាំដើម៖ ថ្ងៃនេះ)។ ឧទាហរណ៍៖ 2026-05-01",
    "help.lunar.--from": "ថ្ងៃ ឬឆ្នាំដំបូងនៃចន្លោះ ដោយរាប់បញ្ចូល។ ឧទាហរណ៍៖ --from 2026-04-01",
    "help.lunar.--to": "ថ្ងៃ ឬឆ្នាំចុងក្រោយនៃចន្លោះ ដោយរាប់បញ្ចូល។ ឧទាហរណ៍៖ --to 2026-04-30",
    "help.lunar.--plain": "បន្ទាត់ធម្មតាមួយសម្រាប់ថ្ងៃនីមួយៗ សម្រាប់ស្គ្រីប។ ឧទាហរណ៍៖ --plain",
    "help.export.--from": _FEED_FROM,
    "help.export.--to": _FEED_TO,
    "help.export.--output": "សរសេរប្រតិទិនទៅក្នុង FILE ជំនួសឱ្យ stdout៖ ឯកសារធម្មតាត្រូវបានជំនួស "
    "ក្នុងពេលតែមួយ (បើបរាជ័យ វានៅដដែល ហើយសិទ្ធិរបស់វាត្រូវបានរក្សាទុក) គោលដៅនៃតំណក៏ដូចគ្នា។ "
    "ឧបករណ៍ ឬបំពង់ (pipe) ត្រូវបានសរសេរចូល។ - គឺ stdout។ ឧទាហរណ៍៖ -o cambodia.ics",
    "help.export.--alarm": "បន្ថែមការរំលឹកធៀបនឹងម៉ោង ០០:០០ នៃថ្ងៃដំបូង (រយៈពេល ISO 8601)។ "
    "ឧទាហរណ៍៖ --alarm -PT15H (ម៉ោង ៩ ព្រឹកថ្ងៃមុន)",
    "help.serve.--host": "អាសយដ្ឋានសម្រាប់រង់ចាំការតភ្ជាប់ (លំនាំដើម 127.0.0.1 សម្រាប់តែម៉ាស៊ីននេះ។ "
    "0.0.0.0 សម្រាប់បណ្តាញ)។ ឧទាហរណ៍៖ --host 0.0.0.0",
    "help.serve.--port": "ច្រកពី ០ ដល់ ៦៥៥៣៥ (០៖ ច្រកទំនេរណាមួយ)។ ឧទាហរណ៍៖ --port 8080",
    "help.serve.--trust-proxy": "យកតំណនៃទំព័រដើមពី X-Forwarded-Proto និង X-Forwarded-Host "
    "(តែនៅពីក្រោយប្រូកស៊ីបញ្ច្រាសដែលកំណត់វាប៉ុណ្ណោះ)។ ឧទាហរណ៍៖ --trust-proxy",
    "help.publish.folder": "ថតឯកសារដែលត្រូវសរសេរ (បង្កើតថ្មី បើមិនទាន់មាន)។",
    "help.publish.--base-url": "អាសយដ្ឋានវេបដែល DIR នឹងត្រូវបានផ្តល់ជូន សម្រាប់តំណ និងកូដ QR។ "
    "ឧទាហរណ៍៖ --base-url https://example.org/calendars",
    "help.publish.--lang": "ភាសានៃបន្ទាត់សង្ខេប និងកំហុស។ ប្រតិទិន និងទំព័រត្រូវបានសរសេរ "
    "ជាគ្រប់ភាសា (លំនាំដើម៖ KHCAL_LANG ឬ lang ក្នុង config.toml បើមិនមានទេ en)។ ឧទាហរណ៍៖ --lang km",
    "help.publish.--from": _FEED_FROM,
    "help.publish.--to": _FEED_TO,
    "help.check.files": "ឯកសារនិយមន័យដែលត្រូវពិនិត្យ។",
    "help.help.topic": "definitions ឬ config។ បើគ្មាន៖ រាយប្រធានបទទាំងអស់។",
    "help.is-holiday.day": _DAY + _STDIN,
    "help.is-workday.day": _DAY + _STDIN,
    "help.long-weekends.--year": "ឆ្នាំ (លំនាំដើម៖ ឆ្នាំនេះ)។ ឧទាហរណ៍៖ --year 2026",
    "help.workdays.count.first": f"ថ្ងៃដំបូង ({_DATE_FORMS}, 7 Jan 2027)។",
    "help.workdays.count.last": "ថ្ងៃចុងក្រោយ។",
    "help.workdays.add.day": f"ថ្ងៃចាប់ផ្តើម ({_DATE_FORMS}, 7 Jan 2027)។",
    "help.workdays.add.n": "ចំនួនថ្ងៃធ្វើការដែលត្រូវបន្ថែម។ ចំនួនអវិជ្ជមានរាប់ថយក្រោយ។",
    "help.workdays.next.day": _DAY,
    "help.workdays.prev.day": _DAY,
}

FORMAT: dict[str, Message] = {
    # click's and Typer's own words in a help page
    "help-format.usage": "របៀបប្រើ៖ ",
    "help-format.heading.Arguments": "អាគុយម៉ង់៖",
    "help-format.heading.Options": "ជម្រើស៖",
    "help-format.heading.Commands": "ពាក្យបញ្ជា៖",
    "help-format.options": "[ជម្រើស]",
    "help-format.subcommand": "ពាក្យបញ្ជា [អាគុយម៉ង់]...",
    "help-format.default": lambda value: f"លំនាំដើម៖ {khmer_digits(value) if value.isdigit() else value}",
    "help-format.required": "ត្រូវតែមាន",
    "help-format.type.str": "អត្ថបទ",
    "help-format.type.int": "ចំនួនគត់",
    "help-format.type.path": "ផ្លូវឯកសារ",
    "help-format.type.list[str]": "បញ្ជីផ្លូវឯកសារ",
    # --- khcal help: the index of the longer pages -------------------------------------------------------
    "topics.title": "ប្រធានបទជំនួយ (khcal help TOPIC)៖",
    "topics.definitions": "ទម្រង់ឯកសារនិយមន័យ (ទិវា ក្បួន ថ្ងៃឈប់សម្រាក ប្រភព)",
    "topics.config": "ឯកសារការកំណត់ config.toml (ភាសា ល្វែងម៉ោង ថ្ងៃចុងសប្តាហ៍ ប្រភេទ)",
    "topics.more": "ពាក្យបញ្ជានីមួយៗមានជំនួយផ្ទាល់ខ្លួន ជាមួយឧទាហរណ៍៖ khcal ពាក្យបញ្ជា --help",
    "topics.cell": "{heading}៖ {cell}",
    "error.help.topic": "help៖ គ្មានប្រធានបទ '{name}' ទេ (ប្រធានបទ៖ {topics})",
}

MESSAGES: dict[str, Message] = {**COMMANDS, **OPTIONS, **FORMAT}
