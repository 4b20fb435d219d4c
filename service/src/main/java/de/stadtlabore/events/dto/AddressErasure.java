package de.stadtlabore.events.dto;

import java.util.Set;
import java.util.UUID;

/**
 * What erasing an e-mail address did: registrations cancelled (their occurrence had not ended),
 * registrations that lost name and address, and the municipalities whose events they were for.
 */
public record AddressErasure(int cancelled, int erased, Set<UUID> municipalities) {
}
