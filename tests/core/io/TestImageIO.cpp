// Image reading: truncated, foreign and colour files get one clear error; masks threshold at 128.
#include "TestSupport.h"

#include "io/ImageIO.h"
#include "util/Error.h"

#include <fcntl.h>
#include <unistd.h>
#include <QTemporaryDir>
#include <QTest>
#include <cstdio>

using namespace handalign;
namespace fs = std::filesystem;

class TestImageIO : public QObject {
  Q_OBJECT
 private:
  QTemporaryDir dir_;
  fs::path path(const char* name) { return fs::path(dir_.path().toStdString()) / name; }
  template <typename F>
  void expectError(F&& f, const std::string& fragment) {
    try {
      f();
      QFAIL(("no error, expected: " + fragment).c_str());
    } catch (const InputError& e) {
      QVERIFY2(std::string(e.what()).find(fragment) != std::string::npos, e.what());
    }
  }

 private Q_SLOTS:
  // A dataset mask is 8-bit grey with 255 for the hand; other data is refused, naming the file,
  // instead of being converted into a plausible but wrong mask.
  void masksOfAnotherKindAreRefused() {
    Image<std::uint8_t> binary(20, 10, 0);
    for (int x = 5; x < 15; ++x) binary.at(x, 4) = 1;  // a 0/1 label image, not a 0/255 mask
    writeGrayImage(path("zero-one.png"), binary);
    expectError([&] { readHandMask(path("zero-one.png"), 224); }, "only the values 0 and 1");
    std::vector<std::uint8_t> rgb(20 * 10 * 3, 0);
    for (int i = 0; i < 40; ++i) rgb[std::size_t(i) * 3 + 2] = 255;  // red: a colour picture
    test::writeText(path("colour.png"), encodeImage(".png", 20, 10, 3, rgb.data()));
    expectError([&] { readHandMask(path("colour.png"), 224); }, "colour image");
    // Grey stored in three equal channels is a mask.
    std::vector<std::uint8_t> grey(20 * 10 * 3, 0);
    for (int i = 0; i < 60; ++i) grey[std::size_t(i)] = 255;
    test::writeText(path("grey-rgb.png"), encodeImage(".png", 20, 10, 3, grey.data()));
    QCOMPARE(readMask8(path("grey-rgb.png")).at(0, 0), std::uint8_t(255));
    // 16-bit: written by OpenCV's Python module (the test's own tool).
    const auto r = test::runPython(
        {"-c", QString("import cv2, numpy as np; m = np.zeros((10, 20), np.uint16); "
                       "m[2:6, 3:9] = 65535; cv2.imwrite('%1', m)")
                   .arg(QString::fromStdString(path("sixteen.png").string()))});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    expectError([&] { readHandMask(path("sixteen.png"), 224); }, "16-bit");
    const std::string message = [&] {
      try {
        readHandMask(path("sixteen.png"), 224);
      } catch (const InputError& e) {
        return std::string(e.what());
      }
      return std::string();
    }();
    QVERIFY(message.find("sixteen.png") != std::string::npos);
  }

  void pngRoundTripIsLossless() {
    Image<std::uint8_t> img(17, 9);
    for (std::size_t i = 0; i < img.pixels.size(); ++i) img.pixels[i] = std::uint8_t(i % 7);
    writeGrayImage(path("labels.png"), img);
    const Image<std::uint8_t> back = readPng8(path("labels.png"));
    QCOMPARE(back.width, 17);
    QCOMPARE(back.pixels, img.pixels);
  }
  void handMaskThresholdsAt128AndResizes() {
    Image<std::uint8_t> img(8, 8, 0);
    img.at(1, 1) = 127;
    img.at(2, 2) = 128;
    img.at(3, 3) = 255;
    writeGrayImage(path("mask.png"), img);
    const LabelImage m = readHandMask(path("mask.png"), 8);
    QCOMPARE(int(m.at(1, 1)), 0);
    QCOMPARE(int(m.at(2, 2)), 1);
    QCOMPARE(int(m.at(3, 3)), 1);
    Image<std::uint8_t> big(16, 16, 255);
    writeGrayImage(path("big.png"), big);
    const LabelImage small = readHandMask(path("big.png"), 8);
    QCOMPARE(small.width, 8);
    QCOMPARE(int(small.at(7, 7)), 1);
  }
  void truncatedAndForeignFilesAreRejected() {
    Image<std::uint8_t> img(32, 32, 200);
    writeGrayImage(path("ok.jpg"), img);
    std::string bytes = test::readText(path("ok.jpg"));
    test::writeText(path("cut.jpg"), bytes.substr(0, bytes.size() / 2));
    expectError([&] { readGray8(path("cut.jpg")); }, "truncated JPEG");
    writeGrayImage(path("ok.png"), img);
    bytes = test::readText(path("ok.png"));
    test::writeText(path("cut.png"), bytes.substr(0, bytes.size() - 20));
    expectError([&] { readGray8(path("cut.png")); }, "PNG");
    test::writeText(path("text.png"), "hello, not an image");
    expectError([&] { readGray8(path("text.png")); }, "not a JPEG or PNG");
    test::writeText(path("empty.png"), "");
    expectError([&] { readGray8(path("empty.png")); }, "empty file");
    expectError([&] { readGray8(path("missing.png")); }, "no such file");
    expectError([&] { readPng8(path("ok.jpg")); }, "not a PNG");
  }

  // What libjpeg only warns about ("Corrupt JPEG data") is an error, a PNG with a bad CRC too, and
  // neither library prints anything: the one line is the InputError.
  void corruptDataIsAnErrorAndNothingIsPrinted() {
    Image<std::uint8_t> img(64, 64, 0);
    for (int y = 0; y < 64; ++y)
      for (int x = 0; x < 64; ++x) img.at(x, y) = std::uint8_t((x * 7 + y * 13) % 256);
    writeGrayImage(path("texture.jpg"), img);
    std::string jpeg = test::readText(path("texture.jpg"));
    jpeg.insert(jpeg.size() - 2, std::string("\x12\x34\x56\x78", 4));  // junk before EOI
    test::writeText(path("extraneous.jpg"), jpeg);
    writeGrayImage(path("texture.png"), img);
    std::string png = test::readText(path("texture.png"));
    const std::size_t idat = png.find("IDAT");
    QVERIFY(idat != std::string::npos);
    png[idat + 6] = char(png[idat + 6] ^ 0x5A);  // data changed, CRC kept: a CRC error
    test::writeText(path("crc.png"), png);

    const fs::path log = path("stderr.txt");
    std::fflush(stderr);
    const int saved = ::dup(2);
    const int fd = ::open(log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    ::dup2(fd, 2);
    std::string jpegError, pngError;
    try {
      readGray8(path("extraneous.jpg"));
    } catch (const InputError& e) {
      jpegError = e.what();
    }
    try {
      readMask8(path("crc.png"));
    } catch (const InputError& e) {
      pngError = e.what();
    }
    std::fflush(stderr);
    ::dup2(saved, 2);
    ::close(fd), ::close(saved);
    QVERIFY2(jpegError.find("extraneous.jpg: corrupt JPEG (Corrupt JPEG data") != std::string::npos,
             jpegError.c_str());
    QVERIFY2(pngError.find("crc.png: corrupt or truncated PNG") != std::string::npos,
             pngError.c_str());
    QCOMPARE(test::readText(log), std::string());
    // The undamaged files decode to the very pixels written (PNG) and a close JPEG.
    const Image<std::uint8_t> back = readGray8(path("texture.png"));
    QVERIFY(back.pixels == img.pixels);
    QCOMPARE(readGray8(path("texture.jpg")).width, 64);
  }
};

QTEST_APPLESS_MAIN(TestImageIO)
#include "TestImageIO.moc"
