// Real code from qtbase5-dev (Qt 5.15 Core and Widgets): containers, strings,
// JSON, regular expressions, QObject signals with functors, a small form.
#include <QtCore/QCoreApplication>
#include <QtCore/QDateTime>
#include <QtCore/QHash>
#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtCore/QMap>
#include <QtCore/QRegularExpression>
#include <QtCore/QStringList>
#include <QtCore/QTimer>
#include <QtCore/QVector>
#include <QtWidgets/QApplication>
#include <QtWidgets/QFormLayout>
#include <QtWidgets/QLabel>
#include <QtWidgets/QLineEdit>
#include <QtWidgets/QPushButton>
#include <QtWidgets/QWidget>

#include <algorithm>

static QJsonDocument describe(const QMap<QString, int> &counts) {
  QJsonObject root;
  QJsonArray arr;
  for (auto it = counts.cbegin(); it != counts.cend(); ++it) {
    QJsonObject o;
    o.insert("word", it.key());
    o.insert("count", it.value());
    arr.append(o);
  }
  root.insert("words", arr);
  root.insert("when", QDateTime::currentDateTimeUtc().toString(Qt::ISODate));
  return QJsonDocument(root);
}

int main(int argc, char **argv) {
  QApplication app(argc, argv);
  QString text = QStringLiteral("Qt makes the easy things easy and the hard things possible");
  QStringList words = text.toLower().split(QRegularExpression("\\W+"), Qt::SkipEmptyParts);
  QMap<QString, int> counts;
  QHash<QString, QVector<int>> positions;
  for (int i = 0; i < words.size(); ++i) {
    ++counts[words[i]];
    positions[words[i]].append(i);
  }
  std::sort(words.begin(), words.end(), [](const QString &a, const QString &b) { return a.size() < b.size(); });
  QByteArray json = describe(counts).toJson(QJsonDocument::Compact);
  QRegularExpression re("(\\w+)\\s+(\\w+)");
  QRegularExpressionMatchIterator it = re.globalMatch(text);
  int pairs = 0;
  while (it.hasNext()) {
    QRegularExpressionMatch m = it.next();
    pairs += m.captured(1).size() > 0;
  }

  QWidget window;
  auto *layout = new QFormLayout(&window);
  auto *edit = new QLineEdit(&window);
  auto *label = new QLabel(QString::fromUtf8(json), &window);
  auto *button = new QPushButton(QObject::tr("Count"), &window);
  layout->addRow(QObject::tr("Text"), edit);
  layout->addRow(label);
  layout->addRow(button);
  QObject::connect(button, &QPushButton::clicked, [edit, label, pairs] {
    label->setText(QString("%1 words, %2 pairs").arg(edit->text().split(' ').size()).arg(pairs));
  });
  QObject::connect(edit, &QLineEdit::textChanged, label, &QLabel::setText);
  QTimer::singleShot(0, &app, &QCoreApplication::quit);
  window.show();
  return app.exec();
}
