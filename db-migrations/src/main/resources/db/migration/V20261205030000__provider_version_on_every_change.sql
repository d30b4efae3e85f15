-- The gateway renews what it derives from a provider (its HTTP client and credential headers, endpoint URLs, access
-- tokens) when the provider's version changes. The portal's writes raise the version (JPA's optimistic lock); an
-- update that does not (an operator's SQL, a script) now raises it too, so no change to a provider goes unseen
-- until a restart. An update that raises the version itself is left as it is.

create function raise_unchanged_version() returns trigger
    language plpgsql as
$$
begin
    if new.version = old.version and new is distinct from old then
        new.version := old.version + 1;
    end if;
    return new;
end
$$;

create trigger providers_version_on_every_change
    before update on providers
    for each row execute function raise_unchanged_version();
