package de.stadtlabore.privacy.dto;

import java.util.List;

import de.stadtlabore.events.dto.ConsentText;

/**
 * What frontends show about data protection: the consent text in force (and every earlier
 * version), what is stored for which purpose and how long, and how to ask for one's data.
 */
public record PrivacyNotice(ConsentText consent, List<ConsentText> consentVersions, List<DataCategory> data,
        Texts requests) {
}
