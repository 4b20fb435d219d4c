package de.stadtlabore.privacy.dto;

/**
 * The answer to every request for one's data, the same whether or not the network holds data
 * about the address: a mail with a link goes to it if it does.
 */
public record PrivacyRequestAccepted(String status, String linkValidFor) {
}
