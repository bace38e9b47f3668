package net.sguil.bridge.facts;

/**
 * One file of a message as analysed and stored, without where the message came from.
 *
 * @param filename    the name the sender declared, decoded (hostile; never a path), else a generated one
 * @param contentType the declared MIME type, lower case, without parameters
 * @param stored      path of the stored copy
 * @param state       {@link Attachment#COMPLETE} or {@link Attachment#TRUNCATED}
 * @param incomplete  the weird id of the limit or damage that cut the file; "" when nothing was cut
 * @param parent      the enclosing message: the index of the mail in its session ({@code "1"}) for a file of
 *                    the mail itself, else the stored name of the attached message it came out of
 * @param depth       attached messages around the file: 0 for a file of the mail itself
 */
public record AttachedFile(String filename, String contentType, FileContent content, String stored, String state,
                           String incomplete, String parent, int depth) {
}
