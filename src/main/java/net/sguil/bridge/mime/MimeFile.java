package net.sguil.bridge.mime;

/**
 * A body the analyzer takes for a file: an attachment, a non-text part, an attached message
 * (message/rfc822, message/global, handed on whole), or a uuencoded block.
 *
 * @param section where it sits in the tree, in the manner of IMAP part numbers ({@code 2.1}; {@code 1-uu1}
 *        for the first uuencoded block of a text part)
 * @param name the name to give it: the declared one, else one made from the section (for an attached
 *        message: from its Subject or Message-ID, {@code .eml})
 * @param declaredName the file name the sender declared, decoded, exactly as claimed (hostile); null when none
 * @param contentType the declared MIME type, lower case, without parameters
 * @param depth how many attached messages enclose it, as Zeek's files.log {@code depth}: 0 for a file of
 *        the mail itself, 1 for one inside a forwarded message, …
 * @param parent the enclosing attached message: its index among the message's files (as handed to the
 *        {@link FileHandler}, from 0), or -1 when the file belongs to the mail itself
 */
public record MimeFile(String section, String name, String declaredName, String contentType, int depth,
                       int parent) {
}
