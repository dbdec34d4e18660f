/*
 * Thai slugs that keep every vowel and tone mark ("หมู่ที่ 5" → "หมู่ที่-5", not "หมท-5").
 *
 * Wagtail's w-slug controller keeps only \p{L} and \p{N} when WAGTAIL_ALLOW_UNICODE_SLUGS is on, so Thai
 * above/below vowels and tone marks (\p{M}) were dropped. This replaces the registered w-slug controller
 * with a subclass whose slugify and urlify also keep \p{M}; everything else (sync with the title,
 * comparison, formatters, ASCII transliteration when Unicode is off) is Wagtail's own.
 * The server side is wagtail_thgov/core/thai/slugs.py.
 */
(function () {
  'use strict';
  var app = window.wagtail && window.wagtail.app;
  var module = app && app.router.modulesByIdentifier.get('w-slug');
  if (!module) {
    return;
  }
  var WagtailSlugController = module.definition.controllerConstructor;

  function thaiSlug(value, forUrl) {
    var text = value.normalize('NFC').toLowerCase();
    if (forUrl) {
      text = text.replace(/[^-_\p{L}\p{M}\p{N}\s]/gu, '');
      return text.replace(/[-\s]+/g, '-').substring(0, 255).replace(/-+$/g, '');
    }
    return text.replace(/\s+/g, '-').replace(/[^-_\p{L}\p{M}\p{N}]/gu, '');
  }

  class ThaiSlugController extends WagtailSlugController {
    clean(action, event, options) {
      var settings = options || {};
      var ignoreUpdate = settings.ignoreUpdate || false;
      var runFormat = 'runFormat' in settings ? settings.runFormat : !ignoreUpdate;
      var detail = (event && event.detail) || {};
      var source = detail.value === undefined ? this.element.value : detail.value;
      var value = this.prepareValue(source, { runFormat: runFormat });
      if (!value) {
        return '';
      }
      var clean = thaiSlug(value, action === 'urlify');
      if (!ignoreUpdate) {
        this.applyUpdate(action, clean, source);
      }
      return clean;
    }

    slugify(event, options) {
      if (!this.allowUnicodeValue) {
        return super.slugify(event, options);
      }
      return this.clean('slugify', event, options);
    }

    urlify(event, options) {
      if (!this.allowUnicodeValue) {
        return super.urlify(event, options);
      }
      return this.clean('urlify', event, options);
    }
  }

  app.register('w-slug', ThaiSlugController);
})();
