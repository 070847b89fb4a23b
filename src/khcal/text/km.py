"""khcal's messages in Khmer, written for Khmer readers. The same keys as en.py."""

from __future__ import annotations

from khcal.text import Message

MESSAGES: dict[str, Message] = {
    # --- errors: core (definitions, ranges, ids) ---------------------------------------------------------
    "error.unknown-id": "គ្មានទិវាដែលមានលេខសម្គាល់ '{ident}' ទេ{hint} (khcal list --ids បង្ហាញលេខសម្គាល់ទាំងអស់)",
    "error.unknown-id.hint": "។ តើអ្នកចង់និយាយថា {names} ឬ?",
    "error.year-range": "ឆ្នាំ{year} នៅក្រៅចន្លោះដែល khcal គណនាបាន ({low}-{high})",
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
    "error.setting.date-ambiguous": "'{value}' អាចយល់បានពីរយ៉ាង (ថ្ងៃ និងខែអាចច្រឡំគ្នា)។ "
    "សូមសរសេរជា YYYY-MM-DD ឬសរសេរខែជាអក្សរ ដូចជា 7 Jan {year}",
    "error.setting.number": "'{value}' មិនមែនជាចំនួនគត់ទេ (សូមប្រើលេខ ដូចជា 3 ឬ -3)",
    "error.setting.number-range": "{value} មិននៅចន្លោះ {low} និង {high} ទេ",
    "error.config.unreadable": "មិនអាចអានបានទេ ({reason})",
    "error.config.hint": " (តើអ្នកចង់សរសេរ '{name}' ឬ?)",
    "error.config.unknown": "មិនស្គាល់ការកំណត់ '{key}' ទេ{hint}។ ការកំណត់ដែលមាន៖ {keys}",
    "error.config.type": "ត្រូវតែជា {expected} មិនមែន {found} ទេ",
    "error.config.item-type": "ត្រូវតែជាបញ្ជីនៃអក្សរ ប៉ុន្តែធាតុមួយជា {found}",
    "error.config.category-name": "'{name}' មិនមែនជាឈ្មោះប្រភេទទេ (អក្សរឡាតាំងតូច លេខ និងសញ្ញា -)",
    "error.config.empty-file": "ឈ្មោះឯកសារទទេ",
    "error.options.together": "{first} និង {second} មិនអាចប្រើជាមួយគ្នាបានទេ",
    "error.options.quiet-batch": "-q មិនអាចប្រើជាមួយ '-' បានទេ៖ "
    "ពេលអានពី stdin khcal បោះពុម្ពចម្លើយមួយបន្ទាត់សម្រាប់កាលបរិច្ឆេទនីមួយៗ",
    "error.options.year-and-range": "--year មិនអាចប្រើជាមួយ --from/--to បានទេ",
    "error.options.range-order": "--from {start} នៅក្រោយ --to {end}",
    "error.options.bound": "'{value}' មិនមែនជាកាលបរិច្ឆេទ ឬឆ្នាំទេ (សូមប្រើ YYYY, YYYY-MM-DD, today, "
    "tomorrow, yesterday ឬថ្ងៃដូចជា 7 Jan 2027 ឬ 2027/1/7)",
    "error.options.month": "{value} មិនមែនជាខែទេ (សូមប្រើពី ១ ដល់ ១២)",
    "error.options.day-and-range": "DATE '{value}' មិនអាចប្រើជាមួយ --from/--to បានទេ (សូមផ្តល់ថ្ងៃមួយ ឬចន្លោះមួយ)",
    "error.options.too-many-days": "{count} ថ្ងៃ ច្រើនពេកសម្រាប់តារាង (យ៉ាងច្រើន {most} ថ្ងៃ។ "
    "សូមប្រើ --plain ឬ --json សម្រាប់ចន្លោះវែងជាងនេះ)",
    "error.output": "មិនអាចសរសេរលទ្ធផលបានទេ៖ {reason}",
    "error.usage": "{message} (សូមមើល '{command} --help')",
    "error.where.line": "បន្ទាត់ទី {number}",
    "api.extra-off": "ថ្ងៃឈប់សម្រាកផ្ទាល់ខ្លួន",
    "cli.title.next": "ខាងមុខ",
    "cli.check.valid": "{names}៖ ត្រឹមត្រូវ",
    # --- errors: feeds -----------------------------------------------------------------------------------
    # --- views: terminal screens -------------------------------------------------------------------------
    # --- feeds: calendar texts ---------------------------------------------------------------------------
}
