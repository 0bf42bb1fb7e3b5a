"""Hook: static-i18n finds each page's versions in the other languages in time that grows
with the number of languages, not with its cube (portfolio.language_alternates)."""

from portfolio.language_alternates import install

# Hooks ------------------------------------------------------------------------


def on_config(config):
    install(config.plugins["i18n"])
    return config
