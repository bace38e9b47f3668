/**
 * MIME analysis of spooled e-mail messages: {@link net.sguil.bridge.mime.MessageAnalyzer} walks the
 * entity tree, stores attachments through {@link net.sguil.bridge.files.AttachmentStore} and renders
 * a {@code dump_skeleton}-style tree. Limits: {@link net.sguil.bridge.mime.MimeLimits}.
 *
 * <p>Weirds counted (per occurrence): {@code mime.header_block_too_large}, {@code mime.header_no_colon},
 * {@code mime.long_header_line}, {@code mime.bad_header}, {@code mime.bad_parameters},
 * {@code mime.bad_content_type}, {@code mime.bad_encoded_word}, {@code mime.unknown_encoding},
 * {@code mime.missing_boundary}, {@code mime.no_parts}, {@code mime.missing_final_boundary},
 * {@code mime.encoded_container}, {@code mime.depth_exceeded}, {@code mime.too_many_parts},
 * {@code mime.bad_base64}, {@code mime.bad_quoted_printable}, {@code mime.bad_uuencode},
 * {@code mime.uu_missing_begin}, {@code mime.decode_error}, {@code mime.long_line},
 * {@code mime.attachment_size_limit}.
 */
package net.sguil.bridge.mime;
