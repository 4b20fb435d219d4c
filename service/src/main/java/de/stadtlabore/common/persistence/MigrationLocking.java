package de.stadtlabore.common.persistence;

import jakarta.inject.Singleton;

import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.database.postgresql.PostgreSQLConfigurationExtension;

import io.quarkus.flyway.FlywayConfigurationCustomizer;

/**
 * Flyway holds its lock against other replicas migrating at the same time as a session lock, not
 * inside a transaction of its own: an index built {@code concurrently} waits for every
 * transaction that started before it, so it would wait for Flyway's lock transaction forever.
 * Replicas that start together still migrate one after the other.
 */
@Singleton
public class MigrationLocking implements FlywayConfigurationCustomizer {

    @Override
    public void customize(FluentConfiguration configuration) {
        configuration.getPluginRegister().getPlugin(PostgreSQLConfigurationExtension.class).setTransactionalLock(false);
    }
}
