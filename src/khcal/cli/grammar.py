"""The quick commands' grammar, derived from the Typer tree by `python -m khcal.cli.derive`.

Do not edit: tests/test_fastpath.py fails when this file and the tree differ. For each command: its
arguments (name, required, default), its options (option -> (parameter, kind, value given by a flag)),
the parameters' defaults, and whether unknown options are read as arguments (`workdays add DATE -3`).
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from khcal.cli.fastpath import Grammar


_OPTIONS: tuple[dict[str, tuple[str, str, object]], ...] = (
    {'-q': ('quiet', 'flag', True), '--quiet': ('quiet', 'flag', True), '--json': ('as_json', 'flag', True), '--weekend': ('weekend', 'value', None), '--extra-off': ('extra_off', 'list', None), '--sector': ('sector', 'value', None), '--today': ('today', 'value', None), '--tz': ('tz', 'value', None), '--lang': ('lang', 'value', None), '--file': ('file', 'list', None)},
    {'--weekend': ('weekend', 'value', None), '--extra-off': ('extra_off', 'list', None), '--sector': ('sector', 'value', None), '--today': ('today', 'value', None), '--tz': ('tz', 'value', None), '--lang': ('lang', 'value', None), '--file': ('file', 'list', None)},
    {'--today': ('today', 'value', None), '--tz': ('tz', 'value', None), '--lang': ('lang', 'value', None), '--file': ('file', 'list', None), '--holidays': ('holidays', 'flag', True), '--category': ('category', 'list', None), '--json': ('as_json', 'flag', True), '--color': ('color', 'flag', True), '--no-color': ('color', 'flag', False)},
    {'--count': ('count', 'value', None), '--short': ('short', 'flag', True), '--format': ('template', 'value', None), '--waybar': ('waybar', 'flag', True), '--today': ('today', 'value', None), '--tz': ('tz', 'value', None), '--lang': ('lang', 'value', None), '--file': ('file', 'list', None), '--holidays': ('holidays', 'flag', True), '--category': ('category', 'list', None), '--json': ('as_json', 'flag', True), '--color': ('color', 'flag', True), '--no-color': ('color', 'flag', False)},
    {'--base-url': ('base_url', 'value', None), '--from': ('start', 'value', None), '--to': ('end', 'value', None), '--today': ('today', 'value', None), '--tz': ('tz', 'value', None), '--lang': ('lang', 'value', None), '--file': ('file', 'list', None)},
)
_GRAMMARS: tuple[Grammar, ...] = (
    {'arguments': (('day', False, None),), 'options': _OPTIONS[0], 'defaults': {'day': None, 'quiet': False, 'as_json': False, 'weekend': None, 'extra_off': None, 'sector': None, 'today': None, 'tz': None, 'lang': None, 'file': None}, 'ignore_unknown': False},
    {'arguments': (('first', True, None), ('last', True, None)), 'options': _OPTIONS[1], 'defaults': {'first': None, 'last': None, 'weekend': None, 'extra_off': None, 'sector': None, 'today': None, 'tz': None, 'lang': None, 'file': None}, 'ignore_unknown': False},
    {'arguments': (('day', True, None), ('n', True, None)), 'options': _OPTIONS[1], 'defaults': {'day': None, 'n': None, 'weekend': None, 'extra_off': None, 'sector': None, 'today': None, 'tz': None, 'lang': None, 'file': None}, 'ignore_unknown': True},
    {'arguments': (('day', False, None),), 'options': _OPTIONS[1], 'defaults': {'day': None, 'weekend': None, 'extra_off': None, 'sector': None, 'today': None, 'tz': None, 'lang': None, 'file': None}, 'ignore_unknown': False},
    {'arguments': (('count', False, '5'),), 'options': _OPTIONS[2], 'defaults': {'count': '5', 'today': None, 'tz': None, 'lang': None, 'file': None, 'holidays': False, 'category': None, 'as_json': False, 'color': None}, 'ignore_unknown': False},
    {'arguments': (), 'options': _OPTIONS[3], 'defaults': {'count': '3', 'short': False, 'template': None, 'waybar': False, 'today': None, 'tz': None, 'lang': None, 'file': None, 'holidays': False, 'category': None, 'as_json': False, 'color': None}, 'ignore_unknown': False},
    {'arguments': (('folder', True, None),), 'options': _OPTIONS[4], 'defaults': {'folder': None, 'base_url': None, 'start': None, 'end': None, 'today': None, 'tz': None, 'lang': None, 'file': None}, 'ignore_unknown': False},
)
COMMANDS: dict[str, Grammar] = {
    'is-holiday': _GRAMMARS[0],
    'is-workday': _GRAMMARS[0],
    'workdays count': _GRAMMARS[1],
    'workdays add': _GRAMMARS[2],
    'workdays next': _GRAMMARS[3],
    'workdays prev': _GRAMMARS[3],
    'next': _GRAMMARS[4],
    'today': _GRAMMARS[5],
    'publish': _GRAMMARS[6],
}
