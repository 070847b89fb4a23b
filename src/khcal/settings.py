"""The one settings layer: every entry point (the Typer commands, the fast path, `serve`, the WSGI factory
and the Python API) turns what it was given into a `Settings` value here, once, the same way.

Each value is taken from the first place that has it: an explicit argument (an option such as `--tz`, or
an argument of `khcal.Calendar`), then the environment (`KHCAL_LANG`, `KHCAL_TZ`, `NO_COLOR`,
`FORCE_COLOR`), then `config.toml`, then the default. Every value is checked the same way wherever it came
from, and a bad one is reported naming that place (`--tz`, `KHCAL_TZ`, `config.toml:3`) and listing what
is accepted. Light on purpose: the fast path imports it; zoneinfo and dateutil are loaded only when a value
needs them.
"""

from __future__ import annotations

import os
from datetime import date
from functools import cached_property

from khcal import folders, parsing
from khcal.core.model import SECTORS
from khcal.core.records import field, record
from khcal.errors import KhcalError
from khcal.parsing import DEFAULT_TZ, ValueProblem

TYPE_CHECKING = False  # typing itself is not imported: the quick commands' start-up would pay for it
if TYPE_CHECKING:
    from collections.abc import Callable, Mapping, Sequence
    from os import PathLike

    from khcal.config_file import Config
    from khcal.core.model import Catalogue, Language, Sector
    from khcal.core.schedule import Filter, Schedule
    from khcal.core.workdays import WorkCalendar

FILENAME = "config.toml"


__all__ = [
    "DEFAULT_TZ",
    "FILENAME",
    "SECTORS",
    "SettingError",
    "Settings",
    "color_choice",
    "config_home",
    "language",
    "load_config",
    "resolve",
]

SAT_SUN = frozenset({5, 6})


class SettingError(KhcalError):
    """A bad value, reported with where it came from: `--tz: ...`, `KHCAL_TZ: ...`."""

    def __init__(self, where: str, problem: ValueProblem) -> None:
        self.where = where
        self.problem = problem
        super().__init__(problem.key, **problem.params)


def config_home(environ: Mapping[str, str] | None = None) -> str | None:
    """`$XDG_CONFIG_HOME`, else `~/.config`; None without a usable home (see khcal.folders)."""
    return folders.config_dir(os.environ if environ is None else environ)


def cache_home(environ: Mapping[str, str] | None = None) -> str | None:
    """`$XDG_CACHE_HOME/khcal`, else `~/.cache/khcal`; None (no cache) without a usable one."""
    return folders.cache_dir(os.environ if environ is None else environ)


def load_config(environ: Mapping[str, str] | None = None) -> Config | None:
    """The settings of `$XDG_CONFIG_HOME/khcal/config.toml`, or None when there is no such file.

    A folder on the way that cannot be searched is an error (the file may be there), not an absent file.
    """
    home = config_home(environ)
    if home is None:
        return None
    folder = folders.settings_folder(home)
    path = os.path.join(folder, FILENAME)
    try:
        os.lstat(path)  # what is there is read by `config_file.read`, which refuses all but a regular file
    except (FileNotFoundError, NotADirectoryError):
        return None
    except OSError as exc:
        raise KhcalError("error.config.folder", path=folder, reason=exc.strerror) from None
    from khcal.config_file import read

    return read(path)


@record
class Settings:
    """Everything the commands and the API take from the user, resolved and checked."""

    lang: Language = "en"
    tz: str = DEFAULT_TZ
    given_today: date | None = None
    files: tuple[str, ...] = ()
    categories: tuple[str, ...] | None = None  # in the order given
    holidays: bool = False
    weekend: frozenset[int] = SAT_SUN
    sector: Sector = "private"
    extra_off: tuple[date, ...] = ()
    color: bool | None = None  # True: always, False: never, None: when stdout is a terminal
    cache_dir: str | None = field(default_factory=cache_home)  # None: no cache (the API's default)
    config_home: str | None = field(default_factory=config_home)  # its khcal/*.toml are definitions files
    config: Config | None = None  # None: no settings file
    origins: Mapping[str, str] = field(default_factory=dict, compare=False)

    @cached_property
    def today(self) -> date:
        """`--today`, else today's date in the time zone (looked up once, when first needed)."""
        return self.given_today if self.given_today is not None else parsing.today_in(self.tz)

    def where(self, name: str) -> str:
        """Where a setting came from, for a message: `--category`, `KHCAL_TZ`, `config.toml:3: field ...`."""
        return self.origins.get(name, name)

    def filter(self) -> Filter:
        """Which occurrences the date commands and the feed show."""
        from khcal.core.schedule import Filter

        wanted = frozenset(self.categories) if self.categories is not None else None
        return Filter(categories=wanted, holidays_only=self.holidays)

    def check_categories(self, catalogue: Catalogue, names: Sequence[str] | None = None) -> None:
        """Each chosen category (these settings', or `names`) must be one the catalogue has (a user's file
        may add some); an unknown one is reported where it was given."""
        for name in (self.categories or ()) if names is None else names:
            if name not in catalogue.categories:
                problem = ValueProblem(
                    "error.setting.category", value=name, known=", ".join(catalogue.categories)
                )
                where = self.where("categories")
                if names is None and self.config is not None and where == self.config.where("categories"):
                    raise self.config.error_at("categories", problem)
                raise SettingError(where, problem)

    def catalogue(self) -> Catalogue:
        """The built-in catalogue, the user's definitions folder, then the settings' files, each merged over
        the last; the chosen categories are checked against it."""
        from khcal.core import definitions

        user = definitions.user_definition_files(self.config_home)
        found = definitions.load([*user, *self.files], cache=self.cache_dir)
        self.check_categories(found)
        return found

    def work_calendar(self, schedule: Schedule) -> WorkCalendar:
        """The working-day calendar of these settings (weekend, sector, own days off) over a schedule."""
        from khcal.core.model import MAX_YEAR, MIN_YEAR
        from khcal.core.workdays import WorkCalendar

        return WorkCalendar(
            schedule.days_off, self.weekend, frozenset(self.extra_off), self.sector,
            limits=(date(MIN_YEAR, 1, 1), date(MAX_YEAR, 12, 31)),
        )  # fmt: skip


def _pick(
    name: str,
    given: object,
    option: str,
    environ: Mapping[str, str],
    env_name: str | None,
    config: Config | None,
) -> tuple[object, str] | None:
    """The first of option, environment and config.toml that has a value, with where it came from."""
    if given is not None:
        return given, option
    if env_name is not None and env_name in environ:  # KHCAL_TZ= is an empty value, refused
        return environ[env_name], env_name
    found = getattr(config, name, None)
    if config is not None and found is not None:
        return found, config.where(name)
    return None


def _checked(check: Callable[[str], object], value: object, where: str) -> object:
    if not isinstance(value, str):
        return value  # already checked by the config.toml reader
    try:
        return check(value)
    except ValueProblem as problem:
        raise SettingError(where, problem) from None


def resolve(
    *,
    lang: str | None = None,
    tz: str | None = None,
    today: str | date | None = None,
    files: Sequence[str | PathLike[str]] = (),
    categories: Sequence[str] = (),
    holidays: bool = False,
    weekend: str | Sequence[str] | None = None,
    sector: str | None = None,
    extra_off: Sequence[str | date] = (),
    color: bool | None = None,
    environ: Mapping[str, str] | None = None,
    config: Config | None = None,
    read_config: bool = True,
    names: Mapping[str, str] | None = None,
) -> Settings:
    """Settings from explicit values, then the environment, then config.toml, then the defaults.

    `names` maps a setting to how the caller's user spells it in messages (`--tz` by default; the API
    passes `tz=`). Raises SettingError (or ConfigError for the settings file) on the first bad value, to be
    worded in `language(lang, environ)`.
    """
    env = os.environ if environ is None else environ
    spelled = {k: f"--{k.replace('_', '-')}" for k in ("lang", "tz", "today", "weekend", "sector")}
    spelled |= {"categories": "--category", "extra_off": "--extra-off", "files": "--file"}
    spelled |= dict(names or {})
    conf = config if config is not None or not read_config else load_config(env)
    found: dict[str, object] = {}
    origins: dict[str, str] = {}

    def take(name: str, given: object, check: Callable[[str], object], env_name: str | None = None) -> None:
        picked = _pick(name, given, spelled[name], env, env_name, conf)
        if picked is not None:
            value = _checked(check, *picked)
            found[name] = frozenset(value) if isinstance(value, tuple) else value
            origins[name] = picked[1]

    take("lang", lang, parsing.check_lang, "KHCAL_LANG")
    take("tz", tz, parsing.check_tz, "KHCAL_TZ")
    take("weekend", weekend if weekend is None or isinstance(weekend, str) else ",".join(weekend),
         parsing.check_weekend)  # fmt: skip
    take("sector", sector, parsing.check_sector)
    configured = conf.categories if conf is not None else None
    if categories or configured:
        found["categories"] = tuple(dict.fromkeys(categories or configured or ()))
        origins["categories"] = (
            spelled["categories"] if categories or conf is None else conf.where("categories")
        )
    zone = str(found.get("tz", DEFAULT_TZ))
    given_today = _today(today, zone, spelled["today"])
    clock = _Clock(zone, given_today)
    found["extra_off"] = tuple(
        d
        if isinstance(d, date)
        else _checked(lambda t: parsing.parse_date(t, clock), d, spelled["extra_off"])
        for d in extra_off
    )
    given_files = tuple(str(_checked(parsing.check_path, os.fspath(f), spelled["files"])) for f in files)
    return Settings(
        given_today=given_today,
        files=(*(conf.definition_files() if conf else ()), *given_files),
        holidays=holidays,
        color=color_choice(color, env),
        cache_dir=cache_home(env),
        config_home=config_home(env),
        config=conf,
        origins=origins,
        **found,  # type: ignore[arg-type]
    )


def language(lang: str | None = None, environ: Mapping[str, str] | None = None) -> Language:
    """The language of what is printed without the command's settings, or before them: help pages and
    errors. Picked as `resolve` picks it (the option, then KHCAL_LANG, then config.toml's lang, then en), and
    English where that value is not valid, or the settings file cannot be read or names no valid `lang` (so
    that the error about it is English)."""
    env = os.environ if environ is None else environ
    own = None  # a settings file with problems still words them in its own valid `lang`
    try:
        conf = load_config(env)
    except KhcalError as error:
        conf, own = None, getattr(error, "lang", None)
    picked = _pick("lang", lang, "--lang", env, "KHCAL_LANG", conf)
    if picked is None and own is not None:
        picked = own, "config.toml"
    try:
        return "en" if picked is None else _checked(parsing.check_lang, *picked)  # type: ignore[return-value]
    except KhcalError:
        return "en"


class _Clock:
    """Today for the words today/tomorrow/yesterday in other values: `--today` if given, else the clock."""

    def __init__(self, zone: str, given: object) -> None:
        self.zone = zone
        self.given = given if isinstance(given, date) else None

    def __call__(self) -> date:
        return self.given if self.given is not None else parsing.today_in(self.zone)


def _today(value: str | date | None, zone: str, where: str) -> date | None:
    if value is None or isinstance(value, date):
        return value
    try:
        return parsing.parse_date(value, lambda: parsing.today_in(zone))
    except ValueProblem as problem:
        raise SettingError(where, problem) from None


def color_choice(flag: bool | None, env: Mapping[str, str]) -> bool | None:
    """Colour: True always, False never, None when stdout is a terminal. --color/--no-color first, then
    NO_COLOR (https://no-color.org), then FORCE_COLOR."""
    if flag is not None:
        return flag
    if env.get("NO_COLOR"):
        return False
    if env.get("FORCE_COLOR"):
        return True
    return None
