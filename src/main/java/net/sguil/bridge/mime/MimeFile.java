package net.sguil.bridge.mime;

/**
 * A body the analyzer takes for a file: an attachment, a non-text part, or a uuencoded block.
 *
 * @param section where it sits in the tree, in the manner of IMAP part numbers ({@code 2.1}; {@code 1-uu1}
 *        for the first uuencoded block of a text part)
 * @param name the name to give it: the declared one, else one made from the section
 * @param declaredName the file name the sender declared, decoded, exactly as claimed (hostile); null when none
 * @param contentType the declared MIME type, lower case, without parameters
 */
public record MimeFile(String section, String name, String declaredName, String contentType) {
}
