// Real code from libeigen3-dev: fixed and dynamic matrices, expression
// templates, arrays, geometry, products and dense decompositions.
#include <Eigen/Dense>

#include <iostream>

using namespace Eigen;

template <typename Derived> typename Derived::Scalar energy(const MatrixBase<Derived> &m) {
  return (m.transpose() * m).trace() + m.cwiseAbs().maxCoeff();
}

int main() {
  Matrix4d a = Matrix4d::Random();
  Matrix4d b = a * a.transpose() + Matrix4d::Identity();
  Vector4d x = b.ldlt().solve(Vector4d::Ones());
  std::cout << x.transpose() << '\n' << energy(a) << '\n';

  MatrixXd m = MatrixXd::Random(64, 64);
  MatrixXd p = m * m.transpose();
  VectorXd rhs = VectorXd::LinSpaced(64, 0, 1);
  VectorXd s1 = p.partialPivLu().solve(rhs);
  VectorXd s2 = p.householderQr().solve(rhs);
  std::cout << (s1 - s2).norm() << '\n';

  ArrayXXf arr = ArrayXXf::Random(8, 8);
  arr = (arr > 0).select(arr.sqrt(), -arr);
  std::cout << arr.rowwise().sum().transpose() << '\n';
  Matrix3f rot = AngleAxisf(0.5f, Vector3f::UnitZ()).toRotationMatrix();
  std::cout << rot.block<2, 2>(0, 0) << '\n';

  return 0;
}
