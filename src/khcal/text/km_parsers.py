"""What the readers khcal uses say about what they cannot read, in Khmer: the command line's parser (click's
and Typer's usage errors) and tomllib (TOML syntax errors). The same keys as en_parsers.py.
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from khcal.text import Message

MESSAGES: dict[str, Message] = {
    # --- the command line's usage errors -------------------------------------------------------------------
    "usage.no-such-command": "គ្មានពាក្យបញ្ជា {name} ទេ។",
    "usage.did-you-mean": "{message} តើអ្នកចង់សរសេរ {names} ឬ?",
    "usage.missing-command": "ខ្វះពាក្យបញ្ជា។",
    "usage.missing-argument": "ខ្វះអាគុយម៉ង់ {name}។",
    "usage.missing-option": "ខ្វះជម្រើស {name}។",
    "usage.no-such-option": "គ្មានជម្រើស {name} ទេ",
    "usage.possible-options": "{message} (ជម្រើសដែលអាចប្រើបាន៖ {names})",
    "usage.extra-arguments": "មានអាគុយម៉ង់លើស៖ '{words}'",
    "usage.takes-no-value": "ជម្រើស {name} មិនទទួលតម្លៃទេ។",
    "usage.needs-value": "ជម្រើស {name} ត្រូវការតម្លៃមួយ។",
    "usage.needs-values": "ជម្រើស {name} ត្រូវការតម្លៃ {n}។",
    "usage.invalid-value": "តម្លៃមិនត្រឹមត្រូវសម្រាប់ {name}៖ {message}",
    "usage.other": "បន្ទាត់ពាក្យបញ្ជាមិនត្រឹមត្រូវ៖ {message}",
    # --- TOML syntax errors, in a definitions or settings file ----------------------------------------------
    "problem.toml-syntax-at": "កំហុសវាក្យសម្ព័ន្ធ TOML៖ {detail} (ជួរឈរទី {column})",
    "problem.toml-syntax-end": "កំហុសវាក្យសម្ព័ន្ធ TOML៖ {detail} នៅចុងឯកសារ",
    "toml.invalid-statement": "បន្ទាត់នេះមិនមែនជា គន្លឹះ = តម្លៃ ឬក្បាលតារាងទេ",
    "toml.expected-newline": "ត្រូវចុះបន្ទាត់ថ្មី ក្រោយតម្លៃនីមួយៗ",
    "toml.declared-twice": "'{name}' ត្រូវបានកំណត់ពីរដង",
    "toml.overwrite": "មិនអាចសរសេរជាន់តម្លៃ ដែលបានកំណត់រួចហើយបានទេ",
    "toml.redefine": "មិនអាចកំណត់ '{name}' ម្តងទៀតបានទេ",
    "toml.duplicate-key": "គន្លឹះ '{name}' ស្ទួនក្នុងតារាងតែមួយ",
    "toml.unclosed-table-header": "ខ្វះ ']' នៅចុងក្បាលតារាង",
    "toml.unclosed-array-header": "ខ្វះ ']]' នៅចុងក្បាលអារេនៃតារាង",
    "toml.bad-key": "គន្លឹះមិនអាចចាប់ផ្តើមដោយតួអក្សរនេះបានទេ",
    "toml.expected-equals": "ខ្វះ '=' នៅក្រោយគន្លឹះ",
    "toml.invalid-value": 'តម្លៃមិនត្រឹមត្រូវ (អត្ថបទត្រូវនៅក្នុងសញ្ញាសម្រង់ "...")',
    "toml.invalid-date": "កាលបរិច្ឆេទ ឬម៉ោងមិនត្រឹមត្រូវ",
    "toml.unclosed-array": "អារេមិនត្រូវបានបិទទេ (ខ្វះ ']')",
    "toml.unclosed-inline-table": "តារាងក្នុងបន្ទាត់មិនត្រូវបានបិទទេ (ខ្វះ '}}')",
    "toml.unterminated-string": "ខ្សែអក្សរមិនត្រូវបានបិទទេ (ខ្វះសញ្ញាសម្រង់បិទ)",
    "toml.illegal-character": "មានតួអក្សរ '{char}' ដែលមិនអាចដាក់ក្នុងខ្សែអក្សរបាន",
    "toml.invalid-character": "មានតួអក្សរ '{char}' មិនត្រឹមត្រូវ",
    "toml.expected": "ខ្វះ '{char}'",
    "toml.escape": "សញ្ញា \\ ក្នុងខ្សែអក្សរមិនត្រឹមត្រូវ",
    "toml.other": lambda detail: "ឯកសារមិនមែនជា TOML ត្រឹមត្រូវនៅត្រង់នេះទេ",  # tomllib's English left out
}
