-- Every change to a table the gateway caches sends NOTIFY tollgate_config with the table's name, once per
-- statement; the gateway reloads its snapshot within a second. Notifications are delivered on commit.

create function notify_config_change() returns trigger
    language plpgsql as
$$
begin
    perform pg_notify('tollgate_config', tg_table_name);
    return null;
end
$$;

do
$$
declare
    cached_table text;
begin
    foreach cached_table in array array ['api_keys', 'apps', 'tenants', 'subscriptions', 'plans', 'budgets',
                                         'models', 'deployments', 'providers', 'prices']
        loop
            execute format('create trigger %I after insert or update or delete or truncate on %I '
                           'for each statement execute function notify_config_change()',
                           cached_table || '_notify_config_change', cached_table);
        end loop;
end
$$;
