package org.paperdigest.publisher.content;

/** A subject category: arXiv's code ({@code cs.CL}) and its human name ({@code Computation and Language}). */
public record Category(String code, String name) {
}
